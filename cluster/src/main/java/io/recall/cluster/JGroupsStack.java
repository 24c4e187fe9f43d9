package io.recall.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The JGroups stack of a node configured by URL properties: TCP on the given address and port, discovery by
 * the static member list (TCPPING), and failure detection and merging tuned for quick reactions on a LAN or
 * loopback (a dead member is suspected within about 4 s; split clusters merge within a few seconds).
 */
final class JGroupsStack {
    private JGroupsStack() {
    }

    /** {@code secret} adds encryption and an authenticated join; null for none. */
    static String xml(ClusterSettings settings, ClusterSecret secret) {
        List<String> hosts = new ArrayList<>();
        hosts.add(settings.bind() + "[" + settings.port() + "]");
        for (String peer : settings.peers()) {
            hosts.add(hostList(peer));
        }
        return """
                <config xmlns="urn:org:jgroups">
                  <TCP bind_addr="%s" bind_port="%d" port_range="0" sock_conn_timeout="300ms" tcp_nodelay="true"
                       bundler_type="transfer-queue" diag.enabled="false"
                       thread_pool.min_threads="0" thread_pool.max_threads="200" thread_pool.keep_alive_time="60s"/>
                  <TCPPING initial_hosts="%s" port_range="0"/>
                  <MERGE3 min_interval="2s" max_interval="5s"/>
                  <FD_ALL3 timeout="3s" interval="1s"/>
                  <VERIFY_SUSPECT2 timeout="500ms"/>
                  %s
                  <pbcast.NAKACK2 use_mcast_xmit="false" xmit_interval="100ms"/>
                  <UNICAST3 xmit_interval="100ms"/>
                  <pbcast.STABLE desired_avg_gossip="5s" max_bytes="1M"/>
                  %s
                  <pbcast.GMS print_local_addr="false" join_timeout="1s"/>
                  <UFC max_credits="4m" min_threshold="0.40"/>
                  <MFC max_credits="4m" min_threshold="0.40"/>
                  <FRAG4 frag_size="60k"/>
                </config>
                """.formatted(settings.bind(), settings.port(), String.join(",", hosts),
                secret == null ? "" : secret.encryptProtocol(), secret == null ? "" : secret.authProtocol());
    }

    /** {@code host:port} as TCPPING wants it, {@code host[port]}. */
    private static String hostList(String peer) {
        int colon = peer.lastIndexOf(':');
        return peer.substring(0, colon) + "[" + peer.substring(colon + 1) + "]";
    }
}
