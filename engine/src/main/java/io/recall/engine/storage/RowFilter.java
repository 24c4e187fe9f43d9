package io.recall.engine.storage;

/** A compiled predicate the store evaluates on each stored row during a scan. */
@FunctionalInterface
public interface RowFilter {
    boolean test(Object[] row);
}
