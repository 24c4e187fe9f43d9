package io.recall.slt;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one script in a fresh database of an engine, each record with a plain {@link Statement} and a query
 * timeout, and counts what passed. Every record runs whatever the ones before it did; after
 * {@code maxTimeouts} timeouts the rest of the file is counted as failed without running it, so a file the
 * engine cannot plan costs minutes, not hours.
 */
final class SltRunner {
    private final Engine engine;
    private final int timeoutSeconds;
    private final int maxTimeouts;

    SltRunner(Engine engine, int timeoutSeconds, int maxTimeouts) {
        this.engine = engine;
        this.timeoutSeconds = timeoutSeconds;
        this.maxTimeouts = maxTimeouts;
    }

    /** The rows of a query as formatted values, or no result set at all. */
    private record Answer(boolean hasResultSet, int columns, List<List<String>> rows) {
    }

    /** The state of one file's run. */
    private final class FileRun {
        final SltScript script;
        final FileResult result;
        final GuardedWorker worker;
        Connection connection;
        String abandoned;
        boolean stuck;
        boolean statementFailed;
        int timeouts;

        FileRun(SltScript script) {
            this.script = script;
            this.result = new FileResult(script.name());
            this.worker = new GuardedWorker(script.name(), Duration.ofSeconds(timeoutSeconds + 10L));
        }
    }

    FileResult run(SltScript script) {
        long start = System.nanoTime();
        FileRun run = new FileRun(script);
        try {
            run.connection = engine.openFreshDatabase();
        } catch (SQLException | RuntimeException e) {
            run.abandoned = "not run: cannot open a database: " + e;
        }
        try {
            for (SltRecord record : script.records()) {
                if (!record.conditions().allow(engine.sltName())) {
                    continue;
                }
                if (record instanceof SltRecord.Halt) {
                    break;
                }
                if (record instanceof SltRecord.Statement || record instanceof SltRecord.Query) {
                    runRecord(run, record);
                }
            }
        } finally {
            closeConnection(run);
            run.worker.close();
        }
        run.result.finished(Duration.ofNanos(System.nanoTime() - start));
        return run.result;
    }

    private void runRecord(FileRun run, SltRecord record) {
        if (run.abandoned != null) {
            run.result.failed(outcome(run, record, RecordOutcome.Status.NOT_RUN, run.abandoned, run.abandoned));
            return;
        }
        Optional<RecordOutcome> failure = execute(run, record);
        if (failure.isPresent()) {
            run.result.failed(failure.get());
            run.statementFailed |= record instanceof SltRecord.Statement;
        } else {
            run.result.passed(kind(record));
        }
        if (run.stuck || run.timeouts >= maxTimeouts) {
            run.abandoned = "not run: file abandoned after " + run.timeouts + " timeouts"
                    + (run.stuck ? " (a statement ignored cancel)" : "");
        }
    }

    private Optional<RecordOutcome> execute(FileRun run, SltRecord record) {
        boolean expectError = record instanceof SltRecord.Statement s && s.expectError();
        Statement statement = null;
        try {
            statement = run.connection.createStatement();
            statement.setQueryTimeout(timeoutSeconds);
            if (record instanceof SltRecord.Query query) {
                Statement st = statement;
                Answer answer = run.worker.call(() -> answer(st, query), st);
                return check(run, query, answer);
            }
            Statement st = statement;
            run.worker.call(() -> st.execute(sql(record)), st);
            return expectError
                    ? failed(run, record, "statement succeeded, error expected", "no error") : Optional.empty();
        } catch (SQLException e) {
            if (isTimeout(e)) {
                run.timeouts++;
                return Optional.of(outcome(run, record, RecordOutcome.Status.TIMEOUT, "timeout: " + FailureCause.of(e),
                        FailureCause.detail(e)));
            }
            return expectError ? Optional.empty() : failed(run, record, FailureCause.of(e), FailureCause.detail(e));
        } catch (GuardedWorker.StuckException e) {
            run.timeouts++;
            run.stuck = true;
            return Optional.of(outcome(run, record, RecordOutcome.Status.TIMEOUT, "timeout: stuck, ignored cancel",
                    e.getMessage()));
        } catch (GuardedWorker.EscapedThrowable e) {
            return Optional.of(internalError(run, record, e.getCause()));
        } catch (RuntimeException | Error e) {
            return Optional.of(internalError(run, record, e));
        } finally {
            close(run, statement);
        }
    }

    private static Answer answer(Statement statement, SltRecord.Query query) throws SQLException {
        if (!statement.execute(query.sql())) {
            return new Answer(false, 0, List.of());
        }
        try (ResultSet rs = statement.getResultSet()) {
            int columns = rs.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            if (columns != query.types().length()) {
                return new Answer(true, columns, rows);
            }
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(ResultFormatter.format(rs.getObject(i), query.types().charAt(i - 1)));
                }
                rows.add(row);
            }
            return new Answer(true, columns, rows);
        }
    }

    private Optional<RecordOutcome> check(FileRun run, SltRecord.Query query, Answer answer) {
        if (!answer.hasResultSet()) {
            return failed(run, query, "wrong result: no result set", "the query returned an update count");
        }
        if (answer.columns() != query.types().length()) {
            return failed(run, query, "wrong result: column count", "expected " + query.types().length()
                    + " columns (" + query.types() + "), got " + answer.columns());
        }
        // after a failed statement the tables differ from the script's, so wrong results may be only that
        String context = run.statementFailed ? " (after a failed statement)" : "";
        return ResultMatcher.compare(answer.rows(), query.sortMode(), query.expected())
                .map(m -> outcome(run, query, RecordOutcome.Status.FAILED, m.cause() + context, m.detail()));
    }

    private static boolean isTimeout(SQLException e) {
        return e instanceof SQLTimeoutException || "57014".equals(e.getSQLState());
    }

    private static Optional<RecordOutcome> failed(FileRun run, SltRecord record, String cause, String detail) {
        return Optional.of(outcome(run, record, RecordOutcome.Status.FAILED, cause, detail));
    }

    private static RecordOutcome internalError(FileRun run, SltRecord record, Throwable t) {
        return outcome(run, record, RecordOutcome.Status.INTERNAL_ERROR, FailureCause.internal(t),
                FailureCause.detail(t));
    }

    private static RecordOutcome outcome(FileRun run, SltRecord record, RecordOutcome.Status status, String cause,
                                         String detail) {
        return new RecordOutcome(run.script.name(), record.line(), kind(record), status, sql(record), cause, detail);
    }

    private static RecordOutcome.Kind kind(SltRecord record) {
        return record instanceof SltRecord.Query ? RecordOutcome.Kind.QUERY : RecordOutcome.Kind.STATEMENT;
    }

    private static String sql(SltRecord record) {
        return record instanceof SltRecord.Query q ? q.sql() : ((SltRecord.Statement) record).sql();
    }

    // A statement still in use by a stuck call is left alone: closing it could block on the same lock.
    private static void close(FileRun run, Statement statement) {
        if (statement == null || run.stuck) {
            return;
        }
        try {
            statement.close();
        } catch (SQLException | RuntimeException e) {
            run.result.warn("closing a statement failed: " + e);
        }
    }

    private static void closeConnection(FileRun run) {
        Connection connection = run.connection;
        if (connection == null) {
            return;
        }
        if (run.stuck) {
            Thread closer = new Thread(() -> closeOrWarn(run, connection), "slt-close-" + run.script.name());
            closer.setDaemon(true);
            closer.start();
            return;
        }
        closeOrWarn(run, connection);
    }

    private static void closeOrWarn(FileRun run, Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            run.result.warn("closing the connection failed: " + e);
        }
    }
}
