package io.recall.cluster;

import io.recall.engine.storage.Sequences;
import jakarta.transaction.TransactionManager;
import org.infinispan.Cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sequences of a database on disc. Each counter's high-water mark is kept in a persisted cache and reserved a
 * block at a time in its own transaction, so values are handed out from memory and a counter never repeats a
 * value, even after a crash (the unused rest of a reserved block is skipped then). Not transactional, as in every
 * SQL database: a rolled-back insert does not give its number back.
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
                reserve(name, c, c.last + BLOCK);
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
                    reserve(name, c, value + BLOCK);
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
        OutsideTransaction.run(transactions, () -> cache.remove(name));
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

    private void reserve(String name, Counter c, long upTo) {
        OutsideTransaction.run(transactions, () -> cache.put(name, upTo)); // its own committed write
        c.reserved = upTo;
    }
}
