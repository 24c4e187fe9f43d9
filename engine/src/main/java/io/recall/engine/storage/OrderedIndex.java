package io.recall.engine.storage;

import java.util.function.Predicate;

/**
 * A node-local ordered index of one table's committed rows (see {@link IndexLayout} for its
 * entries). It never holds uncommitted entries: a transaction adds its own writes on top.
 */
public interface OrderedIndex {
    IndexLayout layout();

    /**
     * Passes the store key of every entry between {@code from} and {@code to} (both inclusive, in
     * index order; bounds usually end in {@link IndexLayout#MIN} or {@link IndexLayout#MAX}) to
     * {@code keys}, until it returns false.
     */
    void keys(Object[] from, Object[] to, Predicate<Object> keys);

    /** The same entries as {@link #keys}, passed in reverse index order: from {@code to} back to {@code from}. */
    void keysDescending(Object[] from, Object[] to, Predicate<Object> keys);

    long size();

    /** Entry count, distinct values and histogram, gathered again once a good part of the index changed. */
    IndexStatistics statistics();
}
