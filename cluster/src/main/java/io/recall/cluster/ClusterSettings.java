package io.recall.cluster;

import java.util.List;

/**
 * How a node joins its cluster: the cluster's name, this member's name, the address and port its transport
 * listens on, the members to contact first (TCP discovery), or instead a whole JGroups stack file for anything
 * else (UDP multicast, cloud discovery).
 *
 * @param jgroupsFile a JGroups XML stack; when given, {@code bind}, {@code port} and {@code peers} are not used
 */
public record ClusterSettings(String cluster, String node, String bind, int port, List<String> peers,
                              String jgroupsFile) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 7800;

    public ClusterSettings {
        peers = List.copyOf(peers);
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
