package io.recall.cluster;

import org.infinispan.partitionhandling.AvailabilityException;

/** Recognises the store's failures that mean the cluster, not the statement, is the problem. */
public final class ClusterFailures {
    private ClusterFailures() {
    }

    /** True when Infinispan refused the work because this member is cut off from the majority of its cluster. */
    public static boolean isCutOff(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof AvailabilityException) {
                return true;
            }
        }
        return false;
    }
}
