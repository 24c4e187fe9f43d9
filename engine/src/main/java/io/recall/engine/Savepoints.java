package io.recall.engine;

import io.recall.engine.exec.UndoLog;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.util.ArrayList;
import java.util.List;

/**
 * The savepoints of one transaction. Infinispan has none, so a savepoint is a mark in the undo logs of the
 * statements that wrote since it was set: rolling back to it undoes those statements, newest first, inside the
 * same transaction. The logs are kept only while a savepoint exists. Locks taken after the savepoint stay held
 * until the transaction ends.
 */
final class Savepoints {
    /** A savepoint: its SQL name (null for an unnamed JDBC savepoint), its id, and how many logs came before it. */
    private record Mark(String name, int id, int logs) {
    }

    private final List<Mark> marks = new ArrayList<>();
    private final List<UndoLog> logs = new ArrayList<>();
    private int nextId = 1;

    boolean isEmpty() {
        return marks.isEmpty();
    }

    /** Sets a savepoint and returns its id; a name used before now names the new one, as in PostgreSQL. */
    int set(String name) {
        int id = nextId++;
        marks.add(new Mark(name, id, logs.size()));
        return id;
    }

    /** Keeps the undo log of a statement that succeeded, when a savepoint may need it. */
    void keep(UndoLog log) {
        if (!marks.isEmpty()) {
            logs.add(log);
        }
    }

    /** Undoes every statement since the savepoint, which stays set; later savepoints are gone. */
    void rollbackTo(int id) {
        int at = indexOf(id);
        Mark mark = marks.get(at);
        for (int i = logs.size() - 1; i >= mark.logs(); i--) {
            logs.remove(i).undo();
        }
        marks.subList(at + 1, marks.size()).clear();
    }

    /** Forgets the savepoint and every later one; what they covered stays done. */
    void release(int id) {
        marks.subList(indexOf(id), marks.size()).clear();
        if (marks.isEmpty()) {
            logs.clear();
        }
    }

    /** The id of the newest savepoint of that name. */
    int idOf(String name) {
        for (int i = marks.size() - 1; i >= 0; i--) {
            if (name.equals(marks.get(i).name())) {
                return marks.get(i).id();
            }
        }
        throw missing(name);
    }

    private int indexOf(int id) {
        for (int i = marks.size() - 1; i >= 0; i--) {
            if (marks.get(i).id() == id) {
                return i;
            }
        }
        throw missing("with id " + id);
    }

    private static RecallException missing(String savepoint) {
        return new RecallException(ErrorCode.INVALID_SAVEPOINT, "Savepoint " + savepoint
                + " does not exist (it was released, rolled back past, or its transaction ended)");
    }
}
