package io.recall.engine.exec;

import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.RowFilter;
import io.recall.engine.storage.RowVisitor;
import io.recall.engine.storage.TableStore;

import java.util.List;
import java.util.Map;

/**
 * A table as a {@link Snapshot} sees it: rows changed by commits after the snapshot are read as they were. An
 * index still holds the latest values, so the changed keys are added to every index read
 * ({@link OwnWrites#writtenKeys}) and the WHERE is checked on the row as seen, as for the transaction's own rows.
 * Writes go to the table itself, never through this view.
 */
final class SnapshotView extends ForwardingTableStore {
    private final Snapshot snapshot;

    SnapshotView(TableStore store, Snapshot snapshot) {
        super(store);
        this.snapshot = snapshot;
    }

    /** The keys of rows commits after the snapshot changed (their index entries may not match the row seen). */
    List<Object> changedKeys() {
        return List.copyOf(snapshot.changedRows(store).keySet());
    }

    @Override
    public Object[] get(Object key) {
        snapshot.readKey(store, key);
        RowHistory.Version change = snapshot.changeAfter(store, key);
        return change != null ? change.before() : store.get(key);
    }

    /** The latest committed row, as far as the snapshot goes: a row changed since is read as it was. */
    @Override
    public Object[] getCommitted(Object key) {
        snapshot.readKey(store, key);
        RowHistory.Version change = snapshot.changeAfter(store, key);
        return change != null ? change.before() : store.getCommitted(key);
    }

    @Override
    public void scan(RowFilter filter, RowVisitor visitor) {
        snapshot.readTable(store);
        Map<Object, Object[]> changed = snapshot.changedRows(store);
        if (changed.isEmpty()) {
            store.scan(filter, visitor);
            return;
        }
        boolean[] stopped = {false};
        store.scan(null, (key, row) -> {
            if (changed.containsKey(key) || filter != null && !filter.test(row)) {
                return true;
            }
            stopped[0] = !visitor.visit(key, row);
            return !stopped[0];
        });
        for (Map.Entry<Object, Object[]> e : changed.entrySet()) {
            Object[] row = e.getValue();
            if (stopped[0]) {
                return;
            }
            if (row != null && (filter == null || filter.test(row))) {
                stopped[0] = !visitor.visit(e.getKey(), row);
            }
        }
    }

    @Override
    public long size() {
        snapshot.readTable(store);
        return store.size();
    }

    /** An index read reads ranges of the table, not keys: a SERIALIZABLE transaction's read of the whole table. */
    @Override
    public List<OrderedIndex> indexes() {
        snapshot.readTable(store);
        return store.indexes();
    }
}
