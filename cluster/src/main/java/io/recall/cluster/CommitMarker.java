package io.recall.cluster;

import jakarta.transaction.TransactionManager;
import org.infinispan.AdvancedCache;
import org.infinispan.Cache;
import org.infinispan.commons.tx.TransactionImpl;
import org.infinispan.commons.tx.XidImpl;
import org.infinispan.context.Flag;

import java.util.HexFormat;

/**
 * Announces to the other members, before a commit that writes several replicated caches, how many parts it has
 * ({@link RemoteCommits}): this member's entry of the marker cache gets {@code <transaction id> <parts>}, in a
 * transaction of its own that every member has applied before the commit's first part reaches it. A commit of one
 * part is not announced: a member closes it when that part completes. Only this member writes its entry, so the
 * write takes no lock.
 */
final class CommitMarker {
    private final AdvancedCache<String, String> cache;
    private final String node;
    private final TransactionManager transactions;

    CommitMarker(Cache<String, String> cache, String node, TransactionManager transactions) {
        this.cache = cache.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES, Flag.SKIP_LOCKING);
        this.node = node;
        this.transactions = transactions;
    }

    /** The key members know a transaction by: its global transaction id. */
    static String id(XidImpl xid) {
        return HexFormat.of().formatHex(xid.getGlobalTransactionId());
    }

    /** Announces {@code parts} parts of the transaction's commit ({@code 0}: it failed, stop waiting for it). */
    void announce(jakarta.transaction.Transaction tx, int parts) {
        String value = id(((TransactionImpl) tx).getXid()) + " " + parts;
        OutsideTransaction.run(transactions, () -> {
            try {
                transactions.begin();
                try {
                    cache.put(node, value);
                } catch (RuntimeException e) {
                    transactions.rollback();
                    throw e;
                }
                transactions.commit();
                return null;
            } catch (io.recall.parser.error.RecallException e) {
                throw e;
            } catch (Exception e) {
                throw new io.recall.parser.error.RecallException(io.recall.parser.error.ErrorCode.CLUSTER_UNAVAILABLE,
                        "Cannot announce a commit to the other members: " + e, e);
            }
        });
    }
}
