package io.recall.engine.storage;

/** Receives rows from a scan; returns false to stop the scan early (LIMIT). */
@FunctionalInterface
public interface RowVisitor {
    boolean visit(Object key, Object[] row);
}
