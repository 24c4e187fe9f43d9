package io.recall.engine.exec;

import io.recall.engine.storage.TableStore;

import java.util.ArrayList;
import java.util.List;

/**
 * How to undo what one statement wrote: the before-images of its rows and the inverse of its
 * unique-key claims. Infinispan has no savepoints, so a statement that fails inside a longer
 * transaction is undone by running these, in reverse, within the same transaction (its locks are
 * still held, so nobody saw the intermediate state).
 */
public final class UndoLog {
    private final List<Runnable> actions = new ArrayList<>();

    void record(TableStore store, Object key, Object[] before) {
        actions.add(() -> {
            if (before == null) {
                store.remove(key);
            } else {
                store.put(key, before);
            }
        });
    }

    void record(Runnable inverse) {
        actions.add(inverse);
    }

    public void undo() {
        for (int i = actions.size() - 1; i >= 0; i--) {
            actions.get(i).run();
        }
        actions.clear();
    }
}
