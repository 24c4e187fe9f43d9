package io.recall.engine.exec;

import io.recall.engine.storage.TableStore;

import java.util.ArrayList;
import java.util.List;

/**
 * The before-images of the rows one statement wrote. Infinispan has no savepoints, so a
 * statement that fails inside a longer transaction is undone by writing these back, in reverse,
 * within the same transaction (its locks are still held, so nobody saw the intermediate state).
 */
public final class UndoLog {
    private record Entry(TableStore store, Object key, Object[] before) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void record(TableStore store, Object key, Object[] before) {
        entries.add(new Entry(store, key, before));
    }

    public void undo() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.before() == null) {
                e.store().remove(e.key());
            } else {
                e.store().put(e.key(), e.before());
            }
        }
        entries.clear();
    }
}
