package io.recall.engine.exec;

import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.RowFilter;
import io.recall.engine.storage.RowShape;
import io.recall.engine.storage.RowVisitor;
import io.recall.engine.storage.TableStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a {@code SELECT ... FOR UPDATE} locked, as the table its query reads: exactly those rows, as they were
 * once locked, in the order they were locked. The query runs over this view, so it returns no row it does not
 * hold the lock of. It offers no index (the query scans the few rows); writes do not go through it.
 */
final class LockedRows implements TableStore {
    private final TableStore table;
    private final Map<Object, Object[]> rows = new LinkedHashMap<>();

    LockedRows(TableStore table) {
        this.table = table;
    }

    void add(Object key, Object[] row) {
        rows.put(key, row);
    }

    int count() {
        return rows.size();
    }

    @Override
    public Object[] get(Object key) {
        return rows.get(key);
    }

    @Override
    public Object[] getCommitted(Object key) {
        return rows.get(key);
    }

    @Override
    public void scan(RowFilter filter, RowVisitor visitor) {
        for (Map.Entry<Object, Object[]> e : rows.entrySet()) {
            if ((filter == null || filter.test(e.getValue())) && !visitor.visit(e.getKey(), e.getValue())) {
                return;
            }
        }
    }

    @Override
    public long size() {
        return rows.size();
    }

    @Override
    public long estimatedRows() {
        return rows.size();
    }

    @Override
    public String storageType() {
        return table.storageType();
    }

    @Override
    public List<OrderedIndex> indexes() {
        return List.of();
    }

    @Override
    public boolean lock(Object key, long timeoutMillis) {
        throw readOnly();
    }

    @Override
    public void put(Object key, Object[] row) {
        throw readOnly();
    }

    @Override
    public boolean putLocking(Object key, Object[] row) {
        throw readOnly();
    }

    @Override
    public long writeLockTimeoutMillis() {
        return table.writeLockTimeoutMillis();
    }

    @Override
    public void remove(Object key) {
        throw readOnly();
    }

    @Override
    public void setRowShape(RowShape shape) {
        throw readOnly();
    }

    @Override
    public OrderedIndex addIndex(IndexLayout layout) {
        throw readOnly();
    }

    @Override
    public void removeIndex(String name) {
        throw readOnly();
    }

    private static IllegalStateException readOnly() {
        return new IllegalStateException("The locked rows of a FOR UPDATE query are read, never changed");
    }
}
