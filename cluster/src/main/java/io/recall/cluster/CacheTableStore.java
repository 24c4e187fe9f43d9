package io.recall.cluster;

import io.recall.cluster.marshal.StoredRow;
import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.RowFilter;
import io.recall.engine.storage.RowShape;
import io.recall.engine.storage.RowVisitor;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.StorageType;
import org.infinispan.AdvancedCache;
import org.infinispan.Cache;
import org.infinispan.commons.util.CloseableIterator;
import org.infinispan.container.entries.InternalCacheEntry;
import org.infinispan.context.Flag;
import org.infinispan.commons.TimeoutException;

import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One table's rows in one Infinispan cache. Row locks are the cache's own pessimistic locks,
 * taken with the session's timeout ({@link LockPoller}). Ordered indexes are kept beside the
 * cache by a listener ({@link IndexMaintainer}), registered when the first index is added so a
 * table without indexes pays nothing for them.
 */
final class CacheTableStore implements TableStore {
    private final Cache<Object, Object> cache;
    private final AdvancedCache<Object, Object> writes;
    /** Rows of a cache that marshals (on disc) are stored as {@link StoredRow}s, else as the arrays themselves. */
    private final boolean wrapped;
    /** The journal of a database on disc, which sees every change first; null in memory. */
    private final CommitJournal journal;
    /** The caches each transaction wrote, in a cluster; null on a single node. */
    private final CommitParts parts;
    private final LockPoller<Object> locks;
    private final TransactionManager transactions;
    private final IndexMaintainer maintainer = new IndexMaintainer();
    private boolean listening;
    /** Null until the table gains a column; then rows stored before are padded when read. */
    private volatile RowShape shape;
    private final StorageType storage;
    /** False for disc_only_copies: only some rows are in memory, the others are read from the file store. */
    private final boolean allInMemory;

    /**
     * {@code journal} is the commit journal of a database on disc for a table whose rows go to the disc, and null
     * for one whose rows live in memory only. Rows are stored as {@link StoredRow}s when they go to the disc or to
     * other nodes ({@code marshalled}).
     */
    CacheTableStore(Cache<Object, Object> cache, TransactionManager transactions, StorageType storage,
                    CommitJournal journal, boolean marshalled, CommitParts parts) {
        this.parts = parts;
        this.cache = cache;
        this.storage = storage;
        this.allInMemory = storage != StorageType.DISC_ONLY_COPIES;
        this.wrapped = marshalled;
        this.journal = journal;
        this.writes = cache.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
        this.locks = new LockPoller<>(cache);
        this.transactions = transactions;
    }

    @Override
    public Object[] get(Object key) {
        if (!inTransaction()) {
            return getCommitted(key); // outside a transaction a read is the committed row
        }
        return padded(cache.get(key));
    }

    /** The row of a stored value, at the table's width. */
    private Object[] padded(Object stored) {
        Object[] row = rowOf(stored);
        RowShape s = shape;
        return s == null ? row : s.pad(row);
    }

    /** Records a write in the journal (on disc) and as a part of the transaction's commit (in a cluster). */
    private void journal(Object key, Object[] row) {
        if (journal != null) {
            journal.record(cache.getName(), key, row == null ? null : new StoredRow(row));
        }
        if (parts != null) {
            parts.note(cache.getName());
        }
    }

    /** The row array of a stored value (null stays null). */
    static Object[] rowOf(Object stored) {
        return stored instanceof StoredRow r ? r.values() : (Object[]) stored;
    }

    private Object stored(Object[] row) {
        return wrapped ? new StoredRow(row) : row;
    }

    @Override
    public void setRowShape(RowShape next) {
        shape = next;
        maintainer.setShape(next);
    }

    @Override
    public Object[] getCommitted(Object key) {
        // the data container holds exactly the committed entries; the caller holds the key's lock,
        // so the entry cannot change under it
        InternalCacheEntry<Object, Object> entry = cache.getAdvancedCache().getDataContainer().peek(key);
        if (entry != null || allInMemory) {
            return entry == null ? null : padded(entry.getValue());
        }
        return padded(loadCommitted(key));
    }

    /**
     * A disc_only_copies row that is not in memory, read from the file store outside the caller's transaction
     * (whose repeatable read could hand back an older copy); it may stay in memory, within the table's bound.
     */
    private Object loadCommitted(Object key) {
        return OutsideTransaction.run(transactions,
                () -> cache.getAdvancedCache().withFlags(Flag.SKIP_LOCKING, Flag.CACHE_MODE_LOCAL).get(key));
    }

    @Override
    public boolean lock(Object key, long timeoutMillis) {
        return locks.lock(key, timeoutMillis);
    }

    @Override
    public void put(Object key, Object[] row) {
        writes.put(key, stored(row));
        journal(key, row);
    }

    @Override
    public boolean putLocking(Object key, Object[] row) {
        try {
            writes.put(key, stored(row));
            journal(key, row);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    @Override
    public long writeLockTimeoutMillis() {
        return cache.getCacheConfiguration().locking().lockAcquisitionTimeout();
    }

    @Override
    public void remove(Object key) {
        writes.remove(key);
        journal(key, null);
    }

    @Override
    public void scan(RowFilter filter, RowVisitor visitor) {
        if (!inTransaction()) {
            scanCommitted(filter, visitor);
            return;
        }
        try (CloseableIterator<Map.Entry<Object, Object>> it = entries()) {
            while (it.hasNext()) {
                Map.Entry<Object, Object> e = it.next();
                Object[] row = padded(e.getValue());
                if ((filter == null || filter.test(row)) && !visitor.visit(e.getKey(), row)) {
                    return;
                }
            }
        }
    }

    /**
     * Outside a transaction a scan walks the cache's in-memory data container directly: the rows
     * there are the committed ones (commits are atomic for readers under the engine's commit gate),
     * and this skips the stream machinery of the cache's entry set, which costs most of a scan.
     * A disc_only_copies table, whose rows are mostly on disc only, is read through the entry set, which
     * includes the file store.
     */
    private void scanCommitted(RowFilter filter, RowVisitor visitor) {
        if (!allInMemory) {
            try (CloseableIterator<Map.Entry<Object, Object>> all = committedEntries()) {
                while (all.hasNext()) {
                    Map.Entry<Object, Object> e = all.next();
                    Object[] row = padded(e.getValue());
                    if ((filter == null || filter.test(row)) && !visitor.visit(e.getKey(), row)) {
                        return;
                    }
                }
            }
            return;
        }
        Iterator<InternalCacheEntry<Object, Object>> it = cache.getAdvancedCache().getDataContainer().iterator();
        while (it.hasNext()) {
            InternalCacheEntry<Object, Object> e = it.next();
            Object[] row = padded(e.getValue());
            if ((filter == null || filter.test(row)) && !visitor.visit(e.getKey(), row)) {
                return;
            }
        }
    }

    /**
     * Outside a transaction the committed entries are read straight from the cache's data
     * container; inside one, through the transaction-aware entry set (it overlays the
     * transaction's own writes).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private CloseableIterator<Map.Entry<Object, Object>> entries() {
        if (!inTransaction()) {
            return committedEntries();
        }
        return cache.getAdvancedCache().entrySet().iterator();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private CloseableIterator<Map.Entry<Object, Object>> committedEntries() {
        return (CloseableIterator) cache.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL, Flag.SKIP_LOCKING)
                .entrySet().iterator();
    }

    private boolean inTransaction() {
        try {
            return transactions.getTransaction() != null;
        } catch (SystemException e) {
            return true;
        }
    }

    @Override
    public long size() {
        return cache.size();
    }

    /** The storage type the table was created with; its cache is configured for it. */
    @Override
    public String storageType() {
        return storage.sqlName();
    }

    /** How many of the table's rows are in memory now (all of them unless disc_only_copies). */
    long rowsInMemory() {
        return cache.getAdvancedCache().getDataContainer().sizeIncludingExpired();
    }

    @Override
    public long estimatedRows() {
        if (!allInMemory) {
            return cache.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL, Flag.SKIP_LOCKING).size();
        }
        return cache.getAdvancedCache().getDataContainer().sizeIncludingExpired();
    }

    @Override
    public synchronized OrderedIndex addIndex(IndexLayout layout) {
        for (SortedIndex existing : maintainer.indexes()) {
            if (existing.layout().name().equals(layout.name())) {
                return existing;
            }
        }
        SortedIndex index = new SortedIndex(layout);
        List<SortedIndex> next = new ArrayList<>(maintainer.indexes());
        next.add(index);
        maintainer.setIndexes(next);
        if (!listening) {
            cache.addListener(maintainer);
            listening = true;
        }
        try (CloseableIterator<Map.Entry<Object, Object>> it = committedEntries()) {
            while (it.hasNext()) {
                Map.Entry<Object, Object> e = it.next();
                index.put(e.getKey(), padded(e.getValue()));
            }
        }
        return index;
    }

    @Override
    public synchronized void removeIndex(String name) {
        List<SortedIndex> next = new ArrayList<>(maintainer.indexes());
        next.removeIf(i -> i.layout().name().equals(name));
        maintainer.setIndexes(next);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<OrderedIndex> indexes() {
        return (List) maintainer.indexes();
    }
}
