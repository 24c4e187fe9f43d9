package io.recall.cluster;

import io.recall.engine.storage.UniqueKeys;
import org.infinispan.AdvancedCache;
import org.infinispan.Cache;
import org.infinispan.context.Flag;

import java.util.ArrayList;
import java.util.List;

/**
 * The claimed values of every UNIQUE constraint in one transactional, pessimistic cache keyed by
 * (constraint, normalised value); the value is the holding row's key. The cache's own locks make
 * exactly one of two concurrent claims of a value win, which holds across nodes once it replicates.
 */
public final class CacheUniqueKeys implements UniqueKeys {
    /** An entry's key: value equality on both parts. Public for {@code RecallMarshaller}. */
    public record Entry(String constraint, Object value) {
    }

    private final Cache<Entry, Object> cache;
    private final AdvancedCache<Entry, Object> writes;
    private final LockPoller<Entry> locks;

    /** The journal of a database on disc; null in memory. */
    private final CommitJournal journal;
    private final jakarta.transaction.TransactionManager transactions;
    /** The commit marker of a cluster member; null on a single node. */
    private final CommitMarker marker;
    /** The caches each transaction wrote, in a cluster; null on a single node. */
    private final CommitParts parts;

    CacheUniqueKeys(Cache<Entry, Object> cache, CommitJournal journal, jakarta.transaction.TransactionManager transactions,
                    CommitMarker marker, CommitParts parts) {
        this.parts = parts;
        this.journal = journal;
        this.transactions = transactions;
        this.marker = marker;
        this.cache = cache;
        this.writes = cache.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
        this.locks = new LockPoller<>(cache);
    }

    @Override
    public boolean lock(String constraint, Object value, long timeoutMillis) {
        return locks.lock(new Entry(constraint, value), timeoutMillis);
    }

    @Override
    public Object holder(String constraint, Object value) {
        return cache.get(new Entry(constraint, value));
    }

    @Override
    public void put(String constraint, Object value, Object rowKey) {
        Entry entry = new Entry(constraint, value);
        writes.put(entry, rowKey);
        if (parts != null) {
            parts.note(cache.getName());
        }
        if (journal != null) {
            journal.record(cache.getName(), entry, rowKey);
        }
    }

    @Override
    public void remove(String constraint, Object value) {
        Entry entry = new Entry(constraint, value);
        writes.remove(entry);
        if (parts != null) {
            parts.note(cache.getName());
        }
        if (journal != null) {
            journal.record(cache.getName(), entry, null);
        }
    }

    /** In a transaction of its own (a constraint is dropped by DDL, outside any transaction). */
    @Override
    public void dropConstraint(String constraint) {
        List<Entry> doomed = new ArrayList<>();
        for (Entry e : cache.getAdvancedCache().withFlags(Flag.SKIP_LOCKING).keySet()) {
            if (e.constraint().equals(constraint)) {
                doomed.add(e);
            }
        }
        if (doomed.isEmpty()) {
            return;
        }
        OutsideTransaction.run(transactions, () -> {
            JtaTransaction tx = JtaTransaction.begin(transactions, journal, marker, parts);
            try {
                for (Entry e : doomed) {
                    remove(e.constraint(), e.value());
                }
            } catch (RuntimeException failure) {
                tx.rollback();
                throw failure;
            }
            tx.commit();
            return null;
        });
    }
}
