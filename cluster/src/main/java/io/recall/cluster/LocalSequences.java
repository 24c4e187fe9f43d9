package io.recall.cluster;

import io.recall.engine.storage.Sequences;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sequences of an in-memory, single-node database: counters in memory, gone with the database.
 * (Persistent, cluster-wide sequences reserve blocks in a replicated cache; see ARCHITECTURE.md.)
 */
final class LocalSequences implements Sequences {
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    @Override
    public long next(String name) {
        return counter(name).incrementAndGet();
    }

    @Override
    public void advancePast(String name, long value) {
        counter(name).accumulateAndGet(value, Math::max);
    }

    @Override
    public long current(String name) {
        AtomicLong counter = counters.get(name);
        return counter == null ? 0 : counter.get();
    }

    @Override
    public void drop(String name) {
        counters.remove(name);
    }

    private AtomicLong counter(String name) {
        return counters.computeIfAbsent(name, n -> new AtomicLong());
    }
}
