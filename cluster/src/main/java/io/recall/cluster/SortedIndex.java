package io.recall.cluster;

import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.IndexStatistics;
import io.recall.engine.storage.OrderedIndex;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * One ordered index of a table's committed rows on this node: a skip list of entries
 * {@code [values..., key]} plus each key's current entry, so a change or removal finds the old
 * entry without relying on the old value carried by the store's event. Changes for one key come
 * in commit order (the key's lock is held until its commit has been applied).
 */
final class SortedIndex implements OrderedIndex {
    private final IndexLayout layout;
    private final ConcurrentSkipListSet<Object[]> entries;
    private final Map<Object, Object[]> byKey = new ConcurrentHashMap<>();
    /** Changes applied since the index was created; statistics are gathered again after enough of them. */
    private final LongAdder changes = new LongAdder();
    private volatile IndexStatistics statistics;
    private volatile long changesAtStatistics;

    SortedIndex(IndexLayout layout) {
        this.layout = layout;
        this.entries = new ConcurrentSkipListSet<>(layout);
    }

    @Override
    public IndexLayout layout() {
        return layout;
    }

    void put(Object key, Object[] row) {
        Object[] entry = layout.entry(key, row);
        Object[] old = byKey.put(key, entry);
        if (old != null && layout.compare(old, entry) != 0) {
            entries.remove(old);
        }
        entries.add(entry);
        changes.increment();
    }

    void remove(Object key) {
        Object[] old = byKey.remove(key);
        if (old != null) {
            entries.remove(old);
            changes.increment();
        }
    }

    @Override
    public void keys(Object[] from, Object[] to, Predicate<Object> keys) {
        if (layout.compare(from, to) <= 0) {
            pass(entries.subSet(from, true, to, true), keys);
        }
    }

    @Override
    public void keysDescending(Object[] from, Object[] to, Predicate<Object> keys) {
        if (layout.compare(from, to) <= 0) {
            pass(entries.subSet(from, true, to, true).descendingSet(), keys);
        }
    }

    private void pass(Iterable<Object[]> range, Predicate<Object> keys) {
        int last = layout.width();
        for (Object[] entry : range) {
            if (!keys.test(entry[last])) {
                return;
            }
        }
    }

    @Override
    public long size() {
        return byKey.size();
    }

    /** One walk of the entries, repeated when more than an eighth of them (at least 64) changed since. */
    @Override
    public IndexStatistics statistics() {
        IndexStatistics s = statistics;
        if (s == null || stale(s)) {
            synchronized (this) {
                s = statistics;
                if (s == null || stale(s)) {
                    long now = changes.sum();
                    s = IndexStatistics.of(entries, byKey.size(), layout.width());
                    statistics = s;
                    changesAtStatistics = now;
                }
            }
        }
        return s;
    }

    private boolean stale(IndexStatistics s) {
        return changes.sum() - changesAtStatistics > Math.max(64, s.entries() / 8);
    }
}
