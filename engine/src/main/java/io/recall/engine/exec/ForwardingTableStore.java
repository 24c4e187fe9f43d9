package io.recall.engine.exec;

import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.RowFilter;
import io.recall.engine.storage.RowShape;
import io.recall.engine.storage.RowVisitor;
import io.recall.engine.storage.TableStore;

import java.util.List;

/** A view of a table store that passes every call on; subclasses change what a transaction sees. */
abstract class ForwardingTableStore implements TableStore {
    final TableStore store;

    ForwardingTableStore(TableStore store) {
        this.store = store;
    }

    @Override
    public Object[] get(Object key) {
        return store.get(key);
    }

    @Override
    public Object[] getCommitted(Object key) {
        return store.getCommitted(key);
    }

    @Override
    public boolean lock(Object key, long timeoutMillis) {
        return store.lock(key, timeoutMillis);
    }

    @Override
    public void put(Object key, Object[] row) {
        store.put(key, row);
    }

    @Override
    public boolean putLocking(Object key, Object[] row) {
        return store.putLocking(key, row);
    }

    @Override
    public long writeLockTimeoutMillis() {
        return store.writeLockTimeoutMillis();
    }

    @Override
    public void remove(Object key) {
        store.remove(key);
    }

    @Override
    public void scan(RowFilter filter, RowVisitor visitor) {
        store.scan(filter, visitor);
    }

    @Override
    public long size() {
        return store.size();
    }

    @Override
    public String storageType() {
        return store.storageType();
    }

    @Override
    public void setRowShape(RowShape shape) {
        store.setRowShape(shape);
    }

    @Override
    public long estimatedRows() {
        return store.estimatedRows();
    }

    @Override
    public OrderedIndex addIndex(IndexLayout layout) {
        return store.addIndex(layout);
    }

    @Override
    public void removeIndex(String name) {
        store.removeIndex(name);
    }

    @Override
    public List<OrderedIndex> indexes() {
        return store.indexes();
    }
}
