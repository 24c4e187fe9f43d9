package io.recall.driver;

import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A savepoint handed out by {@link RecallConnection#setSavepoint}: named or unnamed, identified in the session by
 * {@code id}, and valid only on the connection that set it.
 */
final class RecallSavepoint implements Savepoint {
    private final RecallConnection connection;
    private final int id;
    private final String name;

    RecallSavepoint(RecallConnection connection, int id, String name) {
        this.connection = connection;
        this.id = id;
        this.name = name;
    }

    int id() {
        return id;
    }

    boolean belongsTo(RecallConnection connection) {
        return this.connection == connection;
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (name != null) {
            throw SqlExceptions.create("Savepoint " + name + " is named; it has no id", SqlExceptions.INVALID_SAVEPOINT);
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (name == null) {
            throw SqlExceptions.create("Savepoint " + id + " is unnamed", SqlExceptions.INVALID_SAVEPOINT);
        }
        return name;
    }

    @Override
    public String toString() {
        return name == null ? "savepoint " + id : "savepoint " + name;
    }
}
