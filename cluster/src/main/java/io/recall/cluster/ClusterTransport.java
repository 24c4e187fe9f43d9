package io.recall.cluster;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.locks.LockSupport;


/** Joins a node to its cluster: the transport part of the cache manager's configuration, and its start. */
final class ClusterTransport {
    /** How long a lone member waits to be merged with the members it can reach. */
    private static final long MERGE_WAIT_MILLIS = 12_000;

    private ClusterTransport() {
    }

    static GlobalConfigurationBuilder configure(GlobalConfigurationBuilder global, ClusterSettings cluster,
                                                ClusterSecret secret) {
        global.transport().clusterName(cluster.cluster()).nodeName(cluster.node());
        if (cluster.jgroupsFile() != null) {
            global.transport().addProperty(JGroupsTransport.CONFIGURATION_FILE, cluster.jgroupsFile());
        } else {
            global.transport().addProperty(JGroupsTransport.CONFIGURATION_STRING, JGroupsStack.xml(cluster, secret));
        }
        return global;
    }

    /** Starts the manager; in a cluster, a transport that cannot start (port taken, bad stack) is a 08001. */
    static DefaultCacheManager start(GlobalConfigurationBuilder global, ClusterSettings cluster) {
        DefaultCacheManager manager = new DefaultCacheManager(global.build(), false);
        try {
            manager.start();
            if (cluster != null) {
                refuseLoneMember(manager, cluster);
            }
            return manager;
        } catch (RecallException e) {
            manager.stop();
            throw e;
        } catch (RuntimeException e) {
            manager.stop();
            if (cluster == null) {
                throw e;
            }
            throw new RecallException(ErrorCode.CONNECTION_FAILED, "Cannot join cluster " + cluster.cluster()
                    + " as " + cluster.node() + " on " + cluster.bind() + ":" + cluster.port() + ": " + rootMessage(e), e);
        }
    }

    /**
     * A member that finds itself alone while one of its peers answers on its port was not let in (a different
     * secret, or none where the cluster has one: its messages cannot be read there) or its join is still being
     * merged (members started at the same moment each form a cluster first); it waits for a merge, then fails
     * rather than run on as a cluster of its own.
     */
    private static void refuseLoneMember(DefaultCacheManager manager, ClusterSettings cluster) {
        if (cluster.jgroupsFile() != null || manager.getMembers().size() > 1) {
            return;
        }
        String answering = null;
        for (String peer : cluster.peers()) {
            if (listening(peer)) {
                answering = peer;
                break;
            }
        }
        if (answering == null) {
            return; // the first member of its cluster
        }
        long deadline = System.nanoTime() + MERGE_WAIT_MILLIS * 1_000_000L;
        while (System.nanoTime() - deadline < 0) {
            if (manager.getMembers().size() > 1) {
                return;
            }
            LockSupport.parkNanos(100_000_000L);
        }
        throw new RecallException(ErrorCode.CONNECTION_FAILED, "Cannot join cluster " + cluster.cluster() + " as "
                + cluster.node() + ": the member at " + answering + " answers but did not let this node in within "
                + MERGE_WAIT_MILLIS / 1000 + " s; all members must use the same secret= (or none)");
    }

    private static boolean listening(String peer) {
        int colon = peer.lastIndexOf(':');
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(peer.substring(0, colon), Integer.parseInt(peer.substring(colon + 1))), 500);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
