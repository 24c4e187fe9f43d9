package io.recall.cluster;

import java.util.List;

/**
 * How a node joins its cluster: the cluster's name, this member's name, the address and port its transport
 * listens on, the members to contact first (TCP discovery), or instead a whole JGroups stack file for anything
 * else (UDP multicast, cloud discovery).
 *
 * @param jgroupsFile a JGroups XML stack; when given, {@code bind}, {@code port} and {@code peers} are not used
 * @param partition what this member does while it is cut off from the majority
 * @param secret the shared secret that encrypts the cluster's traffic and admits members; null for none
 */
public record ClusterSettings(String cluster, String node, String bind, int port, List<String> peers,
                              String jgroupsFile, PartitionPolicy partition, String secret) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 7800;

    public ClusterSettings {
        peers = List.copyOf(peers);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "cluster " + cluster + " as " + node + " on " + bind + ":" + port + (secret == null ? "" : " (secret set)");
    }

    /** A member's name when none is given: the host name and the process id. */
    public static String defaultNodeName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "node";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
