package io.recall.cluster;

import io.recall.engine.storage.Sequences;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import jakarta.transaction.TransactionManager;
import org.infinispan.Cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sequences of a database on disc or of a cluster. Each counter's high-water mark is kept in a persisted (and, in
 * a cluster, replicated) cache and reserved a block at a time in a transaction of its own that locks it, so values
 * are handed out from memory, each member from its own blocks, and a counter never repeats a value, even after a
 * crash (the unused rest of a reserved block is skipped then). Not transactional, as in every SQL database: a
 * rolled-back insert does not give its number back.
 */
final class CacheSequences implements Sequences {
    static final int BLOCK = 1000;

    private static final class Counter {
        long last;
        long reserved;
    }

    private final Cache<String, Long> cache;
    private final TransactionManager transactions;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    CacheSequences(Cache<String, Long> cache, TransactionManager transactions) {
        this.cache = cache;
        this.transactions = transactions;
    }

    @Override
    public long next(String name) {
        Counter c = counter(name);
        synchronized (c) {
            if (c.last >= c.reserved) {
                reserve(name, c, c.last);
            }
            return ++c.last;
        }
    }

    @Override
    public void advancePast(String name, long value) {
        Counter c = counter(name);
        synchronized (c) {
            if (value > c.last) {
                c.last = value;
                if (value >= c.reserved) {
                    reserve(name, c, value);
                }
            }
        }
    }

    @Override
    public long current(String name) {
        Counter c = counters.get(name);
        if (c == null) {
            Long stored = cache.get(name);
            return stored == null ? 0 : stored;
        }
        synchronized (c) {
            return c.last;
        }
    }

    @Override
    public void drop(String name) {
        counters.remove(name);
        inOwnTransaction(name, () -> cache.remove(name));
    }

    /** A counter read back from disc starts past its reserved mark: values up to it may have been handed out. */
    private Counter counter(String name) {
        return counters.computeIfAbsent(name, n -> {
            Counter c = new Counter();
            Long stored = cache.get(n);
            c.last = stored == null ? 0 : stored;
            c.reserved = c.last;
            return c;
        });
    }

    /**
     * Reserves the block after {@code from} or after the stored mark, whichever is higher (other members reserve
     * blocks too), and continues the counter at its start.
     */
    private void reserve(String name, Counter c, long from) {
        long start = inOwnTransaction(name, () -> {
            cache.getAdvancedCache().lock(name);
            Long stored = cache.get(name);
            long first = Math.max(stored == null ? 0 : stored, from);
            cache.put(name, first + BLOCK);
            return first;
        });
        c.last = start;
        c.reserved = start + BLOCK;
    }

    /** Runs the work in a transaction of its own, the caller's set aside, and commits it. */
    private <T> T inOwnTransaction(String name, java.util.function.Supplier<T> work) {
        return OutsideTransaction.run(transactions, () -> {
            try {
                transactions.begin();
                T result;
                try {
                    result = work.get();
                } catch (RuntimeException e) {
                    transactions.rollback();
                    throw e;
                }
                transactions.commit();
                return result;
            } catch (RecallException e) {
                throw e;
            } catch (Exception e) {
                throw new RecallException(ErrorCode.LOCK_TIMEOUT, "Cannot change sequence " + name + ": "
                        + e.getMessage(), e);
            }
        });
    }
}
