package io.recall.cluster;

import org.infinispan.AdvancedCache;
import org.infinispan.Cache;
import org.infinispan.context.Flag;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The last write of every commit in a cluster: this node's entry of the marker cache, so that the marker cache
 * joins the transaction last and every member knows when the commit is wholly applied ({@link RemoteCommits}).
 * Only this node writes its entry, so the write takes no lock.
 */
final class CommitMarker {
    private final AdvancedCache<String, Long> cache;
    private final String node;
    private final AtomicLong commits = new AtomicLong();

    CommitMarker(Cache<String, Long> cache, String node) {
        this.cache = cache.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES, Flag.SKIP_LOCKING);
        this.node = node;
    }

    /** Writes the marker in the calling thread's transaction, just before it commits. */
    void stamp() {
        cache.put(node, commits.incrementAndGet());
    }

    /**
     * Writes the marker in a transaction of its own, after a commit failed part-way: it ends, on every member,
     * the commits of this node still open there. Best effort: a failure here leaves that to the members' timeout.
     */
    void stampAlone(jakarta.transaction.TransactionManager transactions) {
        try {
            OutsideTransaction.run(transactions, () -> {
                try {
                    transactions.begin();
                    stamp();
                    transactions.commit();
                } catch (Exception e) {
                    try {
                        transactions.rollback();
                    } catch (Exception ignored) {
                        // nothing more to undo
                    }
                }
                return null;
            });
        } catch (RuntimeException ignored) {
            // the members' timeout closes the commit
        }
    }
}
