package io.recall.cluster;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;


/** Joins a node to its cluster: the transport part of the cache manager's configuration, and its start. */
final class ClusterTransport {
    private ClusterTransport() {
    }

    static GlobalConfigurationBuilder configure(GlobalConfigurationBuilder global, ClusterSettings cluster) {
        global.transport().clusterName(cluster.cluster()).nodeName(cluster.node());
        if (cluster.jgroupsFile() != null) {
            global.transport().addProperty(JGroupsTransport.CONFIGURATION_FILE, cluster.jgroupsFile());
        } else {
            global.transport().addProperty(JGroupsTransport.CONFIGURATION_STRING, JGroupsStack.xml(cluster));
        }
        return global;
    }

    /** Starts the manager; in a cluster, a transport that cannot start (port taken, bad stack) is a 08001. */
    static DefaultCacheManager start(GlobalConfigurationBuilder global, ClusterSettings cluster) {
        DefaultCacheManager manager = new DefaultCacheManager(global.build(), false);
        try {
            manager.start();
            return manager;
        } catch (RuntimeException e) {
            manager.stop();
            if (cluster == null) {
                throw e;
            }
            throw new RecallException(ErrorCode.CONNECTION_FAILED, "Cannot join cluster " + cluster.cluster()
                    + " as " + cluster.node() + " on " + cluster.bind() + ":" + cluster.port() + ": " + rootMessage(e), e);
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
