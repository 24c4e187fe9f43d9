package io.recall.cluster;

import java.util.Locale;

/**
 * What a member does while it is cut off from the majority of its cluster (URL property {@code partition=}).
 * Infinispan decides who is cut off: the side of a split that holds no majority of the last stable membership.
 */
public enum PartitionPolicy {
    /** Refuse reads and writes ({@code 08006}) until the cluster is whole again: no stale read, no divergence. */
    DENY,
    /** Serve reads (possibly stale: the majority may have committed since) and refuse writes. */
    ALLOW_READS,
    /** Serve both: the two sides diverge, and when they merge the majority's rows win; the minority's writes to
     * the same rows are lost. */
    ALLOW;

    /** The policy named in a URL ({@code deny}, {@code allow_reads}, {@code allow}), or null. */
    public static PartitionPolicy fromUrl(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "deny" -> DENY;
            case "allow_reads" -> ALLOW_READS;
            case "allow" -> ALLOW;
            default -> null;
        };
    }

    String urlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
