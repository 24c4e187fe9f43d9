package io.recall.slt;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one file's JDBC calls on a daemon thread of its own, so that a statement that ignores its query
 * timeout cannot hang the gauge: past the limit the statement is cancelled, and if even that does not end it,
 * the call is reported as stuck and the thread left behind (a daemon, it does not keep the JVM alive).
 */
final class GuardedWorker implements AutoCloseable {
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(5);

    /** JDBC work that may throw SQLException; anything else it throws escaped the driver. */
    interface JdbcWork<T> {
        T run() throws SQLException;
    }

    /** A Throwable other than SQLException came out of a JDBC call. */
    static final class EscapedThrowable extends Exception {
        EscapedThrowable(Throwable cause) {
            super(cause);
        }
    }

    /** The call neither finished nor ended when cancelled; the worker thread is lost to it. */
    static final class StuckException extends Exception {
        StuckException(String message) {
            super(message);
        }
    }

    private final ExecutorService thread;
    private final Duration limit;

    GuardedWorker(String name, Duration limit) {
        this.limit = limit;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "slt-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    <T> T call(JdbcWork<T> work, Statement statement) throws SQLException, EscapedThrowable, StuckException {
        Future<T> future = thread.submit(work::run);
        try {
            return await(future, limit);
        } catch (TimeoutException pastLimit) {
            String cancelProblem = cancel(statement);
            try {
                return await(future, CANCEL_GRACE);
            } catch (TimeoutException stillRunning) {
                throw new StuckException("still running " + (limit.plus(CANCEL_GRACE).toSeconds())
                        + " s after it started, cancel did not stop it" + cancelProblem);
            }
        }
    }

    private static <T> T await(Future<T> future, Duration wait)
            throws SQLException, EscapedThrowable, StuckException, TimeoutException {
        try {
            return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StuckException("interrupted while waiting for the statement");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new EscapedThrowable(e.getCause());
        }
    }

    private static String cancel(Statement statement) {
        try {
            statement.cancel();
            return "";
        } catch (SQLException | RuntimeException e) {
            return " (cancel failed: " + e + ")";
        }
    }

    /** Does not wait: a stuck call keeps its thread until the JVM ends. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
