package io.recall.driver;

import io.recall.cluster.ClusterSettings;
import io.recall.cluster.PartitionPolicy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cluster properties of a URL: {@code cluster=<name>} joins (or forms) that cluster; {@code node=<name>}
 * names this member (default: host and process id); {@code bind=<address>} (default 127.0.0.1) and
 * {@code port=<n>} (default 7800) are where its transport listens; {@code peers=<host:port>,...} are the members
 * to contact first; {@code jgroups=<file>} is a whole JGroups stack instead of bind, port and peers;
 * {@code partition=deny|allow_reads|allow} (default deny) is what a member cut off from the majority does
 * ({@link PartitionPolicy}); {@code secret=<shared secret>} encrypts the cluster's traffic and admits only
 * members that know it. Without {@code cluster=} no network is opened, and the others are refused.
 */
final class ClusterUrl {
    static final String[] KEYS = {"cluster", "node", "bind", "port", "peers", "jgroups", "partition", "secret"};

    private ClusterUrl() {
    }

    /** The cluster settings, or null when the URL names no cluster. */
    static ClusterSettings parse(Map<String, String> settings, boolean file) throws SQLException {
        String cluster = settings.get("cluster");
        if (cluster == null) {
            for (String key : KEYS) {
                if (settings.containsKey(key)) {
                    throw fail("Property " + key + " applies only with cluster=<name>");
                }
            }
            return null;
        }
        if (cluster.isBlank()) {
            throw fail("Property cluster must name the cluster");
        }
        if (file) {
            throw fail("cluster= applies to " + ConnectionUrl.PREFIX + ConnectionUrl.MEM
                    + " databases only for now: a member on disc does not yet catch up after a restart");
        }
        String node = settings.get("node");
        if (node != null && node.isBlank()) {
            throw fail("Property node must name this member");
        }
        String bind = settings.getOrDefault("bind", ClusterSettings.DEFAULT_BIND).trim();
        int port = port("port", settings.get("port"), ClusterSettings.DEFAULT_PORT);
        List<String> peers = new ArrayList<>();
        String list = settings.get("peers");
        if (list != null) {
            for (String peer : list.split(",")) {
                String p = peer.trim();
                if (p.isEmpty()) {
                    continue;
                }
                int colon = p.lastIndexOf(':');
                if (colon <= 0) {
                    throw fail("Property peers must list host:port pairs separated by commas, not '" + list + "'");
                }
                port("peers", p.substring(colon + 1), 0);
                peers.add(p);
            }
        }
        PartitionPolicy partition = PartitionPolicy.fromUrl(settings.getOrDefault("partition", "deny"));
        if (partition == null) {
            throw fail("Property partition must be deny, allow_reads or allow, not '" + settings.get("partition") + "'");
        }
        return new ClusterSettings(cluster.trim(), node == null ? ClusterSettings.defaultNodeName() : node.trim(),
                bind, port, peers, settings.get("jgroups"), partition, secret(settings.get("secret")));
    }

    private static String secret(String secret) throws SQLException {
        if (secret != null && secret.isEmpty()) {
            throw fail("Property secret must not be empty");
        }
        return secret;
    }

    private static int port(String key, String value, int unset) throws SQLException {
        if (value == null) {
            return unset;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw fail("Property " + key + " needs a port number from 1 to 65535, not '" + value + "'");
    }

    private static SQLException fail(String message) {
        return SqlExceptions.create(message, SqlExceptions.CONNECTION_FAILED);
    }
}
