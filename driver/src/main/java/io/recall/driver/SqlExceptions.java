package io.recall.driver;

import io.recall.cluster.ClusterFailures;
import io.recall.parser.error.RecallException;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;

/**
 * The one place where failures become SQLExceptions: the SQLState decides the subclass (clients
 * such as Spring classify errors by subclass and state only), and anything unexpected from the
 * engine becomes XX000 naming the statement, so no RuntimeException leaves a JDBC method.
 */
final class SqlExceptions {
    static final String INTERNAL = "XX000";
    static final String CONNECTION_FAILED = "08001";
    static final String CONNECTION_CLOSED = "08003";
    static final String NOT_SUPPORTED = "0A000";
    static final String INVALID_STATE = "HY010";
    static final String INVALID_ARGUMENT = "HY024";
    static final String INVALID_INDEX = "07009";
    static final String NO_CURRENT_ROW = "24000";
    static final String INVALID_TRANSACTION_STATE = "25000";
    static final String INVALID_SAVEPOINT = "3B001";
    static final String INVALID_CAST = "22018";
    static final String OUT_OF_RANGE = "22003";
    static final String COLUMN_NOT_FOUND = "42703";
    static final String NOT_A_QUERY = "07005";
    static final String IS_A_QUERY = "07003";

    private SqlExceptions() {
    }

    /** Any throwable caught at a JDBC boundary; {@code sql} names the statement, or is null. */
    static final String CLUSTER_UNAVAILABLE = "08006";

    static SQLException of(Throwable t, String sql) {
        if (t instanceof VirtualMachineError vm) {
            throw vm;
        }
        if (t instanceof SQLException e) {
            return e;
        }
        if (ClusterFailures.isCutOff(t)) {
            return create("This member is cut off from the majority of its cluster and cannot serve the statement: "
                    + t.getMessage(), CLUSTER_UNAVAILABLE, t);
        }
        if (t instanceof RecallException e) {
            return create(e.getMessage(), e.sqlState(), e);
        }
        String what = sql == null ? "" : " while executing: " + sql;
        return new SQLException("Internal error" + what + ": " + t, INTERNAL, t);
    }

    /** Creates the SQLException subclass that matches the state's class. */
    static SQLException create(String message, String state, Throwable cause) {
        String cls = state == null || state.length() < 2 ? "" : state.substring(0, 2);
        if ("57014".equals(state) || cls.equals("HY") && state.startsWith("HYT")) {
            return new SQLTimeoutException(message, state, cause);
        }
        return switch (cls) {
            case "08" -> new SQLNonTransientConnectionException(message, state, cause);
            case "0A" -> new SQLFeatureNotSupportedException(message, state, cause);
            case "22" -> new SQLDataException(message, state, cause);
            case "23" -> new SQLIntegrityConstraintViolationException(message, state, cause);
            case "40" -> new SQLTransactionRollbackException(message, state, cause);
            case "42", "21", "3F", "2B" -> new SQLSyntaxErrorException(message, state, cause);
            default -> new SQLException(message, state, cause);
        };
    }

    static SQLException create(String message, String state) {
        return create(message, state, null);
    }

    static SQLFeatureNotSupportedException notSupported(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported", NOT_SUPPORTED);
    }

    static SQLException invalidArgument(String message) {
        return new SQLException(message, INVALID_ARGUMENT);
    }
}
