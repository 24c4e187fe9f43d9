package io.recall.cluster;

import io.recall.engine.storage.RowFilter;
import io.recall.engine.storage.RowVisitor;
import io.recall.engine.storage.TableStore;
import org.infinispan.AdvancedCache;
import org.infinispan.Cache;
import org.infinispan.commons.util.CloseableIterator;
import org.infinispan.context.Flag;

import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * One table's rows in one Infinispan cache. Row locks are the cache's own pessimistic locks;
 * a lock wait polls a no-wait lock attempt with a growing pause, because the cache's own lock
 * timeout is fixed per cache while Recall's is per session (SET LOCK_TIMEOUT) — and a failed
 * no-wait attempt, unlike a timed-out lock, leaves the transaction usable.
 */
final class CacheTableStore implements TableStore {
    private static final long MAX_PAUSE_NANOS = 2_000_000;

    private final Cache<Object, Object[]> cache;
    private final AdvancedCache<Object, Object[]> writes;
    private final AdvancedCache<Object, Object[]> tryLock;
    private final TransactionManager transactions;

    CacheTableStore(Cache<Object, Object[]> cache, TransactionManager transactions) {
        this.cache = cache;
        this.writes = cache.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
        this.tryLock = cache.getAdvancedCache().withFlags(Flag.ZERO_LOCK_ACQUISITION_TIMEOUT, Flag.FAIL_SILENTLY);
        this.transactions = transactions;
    }

    @Override
    public Object[] get(Object key) {
        return cache.get(key);
    }

    @Override
    public Object[] getCommitted(Object key) {
        jakarta.transaction.Transaction attached;
        try {
            attached = transactions.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("Cannot detach the store transaction", e);
        }
        try {
            return cache.get(key);
        } finally {
            if (attached != null) {
                try {
                    transactions.resume(attached);
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot re-attach the store transaction", e);
                }
            }
        }
    }

    @Override
    public boolean lock(Object key, long timeoutMillis) {
        if (tryLock.lock(key)) {
            return true;
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        long pause = 20_000;
        while (System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(pause);
            if (tryLock.lock(key)) {
                return true;
            }
            pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
        }
        return false;
    }

    @Override
    public void put(Object key, Object[] row) {
        writes.put(key, row);
    }

    @Override
    public void remove(Object key) {
        writes.remove(key);
    }

    @Override
    public void scan(RowFilter filter, RowVisitor visitor) {
        try (CloseableIterator<Map.Entry<Object, Object[]>> it = entries()) {
            while (it.hasNext()) {
                Map.Entry<Object, Object[]> e = it.next();
                Object[] row = e.getValue();
                if ((filter == null || filter.test(row)) && !visitor.visit(e.getKey(), row)) {
                    return;
                }
            }
        }
    }

    /**
     * Outside a transaction the committed entries are read straight from the cache's data
     * container; inside one, through the transaction-aware entry set (it overlays the
     * transaction's own writes).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private CloseableIterator<Map.Entry<Object, Object[]>> entries() {
        if (!inTransaction()) {
            return (CloseableIterator) cache.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL, Flag.SKIP_LOCKING)
                    .entrySet().iterator();
        }
        return cache.getAdvancedCache().entrySet().iterator();
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
}
