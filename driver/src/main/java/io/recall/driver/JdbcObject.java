package io.recall.driver;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Wrapper;

/**
 * What every Recall JDBC object shares: the closed flag and its check, a warning chain,
 * unwrap/isWrapperFor, and the guard that turns anything thrown below into an SQLException so
 * no RuntimeException escapes a JDBC method.
 */
abstract class JdbcObject implements Wrapper {
    /** A JDBC call body that may throw. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws SQLException;
    }

    /** A JDBC call body without a result. */
    @FunctionalInterface
    interface Action {
        void run() throws SQLException;
    }

    private volatile boolean closed;
    private SQLWarning warnings;

    /** The statement text, for error messages; null when there is none. */
    String context() {
        return null;
    }

    /** The exception thrown when this object is used after close. */
    abstract SQLException closedError();

    final boolean closedFlag() {
        return closed;
    }

    /** Marks the object closed; returns false if it already was. */
    final boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    final void checkOpen() throws SQLException {
        if (closed) {
            throw closedError();
        }
    }

    final <T> T guard(Call<T> call) throws SQLException {
        try {
            return call.call();
        } catch (SQLException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw SqlExceptions.of(e, context());
        }
    }

    final void guardRun(Action action) throws SQLException {
        try {
            action.run();
        } catch (SQLException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw SqlExceptions.of(e, context());
        }
    }

    /** Checks that the object is open, then runs the body under the guard. */
    final <T> T open(Call<T> call) throws SQLException {
        checkOpen();
        return guard(call);
    }

    final void openRun(Action action) throws SQLException {
        checkOpen();
        guardRun(action);
    }

    final synchronized void addWarning(SQLWarning warning) {
        if (warnings == null) {
            warnings = warning;
        } else {
            warnings.setNextWarning(warning);
        }
    }

    public synchronized SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return warnings;
    }

    public synchronized void clearWarnings() throws SQLException {
        checkOpen();
        warnings = null;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + (iface == null ? "null" : iface.getName()),
                SqlExceptions.INVALID_ARGUMENT);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }
}
