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
    private final boolean recording;

    public UndoLog() {
        this(true);
    }

    private UndoLog(boolean recording) {
        this.recording = recording;
    }

    /**
     * For a statement that is its own transaction (auto-commit): its failure rolls the whole
     * transaction back, so there is nothing to record and {@link #undo} must not be called.
     */
    public static UndoLog notRecording() {
        return new UndoLog(false);
    }

    /** False for a statement that is its own transaction ({@link #notRecording}). */
    boolean recording() {
        return recording;
    }

    void record(TableStore store, Object key, Object[] before) {
        if (!recording) {
            return;
        }
        actions.add(() -> {
            if (before == null) {
                store.remove(key);
            } else {
                store.put(key, before);
            }
        });
    }

    void record(Runnable inverse) {
        if (recording) {
            actions.add(inverse);
        }
    }

    public void undo() {
        if (!recording) {
            throw new IllegalStateException("A whole-transaction statement is undone by rolling back");
        }
        for (int i = actions.size() - 1; i >= 0; i--) {
            actions.get(i).run();
        }
        actions.clear();
    }
}
