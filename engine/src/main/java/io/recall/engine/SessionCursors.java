package io.recall.engine;

import io.recall.engine.query.QueryContext;
import io.recall.engine.query.QueryExecutor;
import io.recall.engine.query.ReadScope;
import io.recall.engine.query.StreamingCursor;
import io.recall.engine.storage.StoreTransaction;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's open streamed result sets. Each batch of one is read with the session's transaction (the one open
 * when the query ran, or none in auto-commit) attached to the reading thread and the shared side of the commit
 * gate held; between batches neither is held. When that transaction ends, the cursors reading in it read their
 * remaining rows first, so a result set stays readable after commit (holdable, as JDBC metadata says).
 */
final class SessionCursors {
    private final Database database;
    /** Each open cursor and its scope (which names its transaction); guarded by itself. */
    private final Map<StreamingCursor, Scope> open = new IdentityHashMap<>();

    SessionCursors(Database database) {
        this.database = database;
    }

    /**
     * Opens the query as a cursor and reads its first batch. Returns null when DDL changed the catalog since the
     * statement was planned (the caller plans and runs it again), as a fully read query does.
     */
    QueryResult open(QueryExecutor executor, QueryContext qc, ExecutionOptions options, StoreTransaction tx,
                     long catalogVersion) {
        Scope scope = new Scope(tx, catalogVersion);
        StreamingCursor cursor = executor.stream(qc, options.maxRows(), options.fetchSize(), scope, this::forget);
        synchronized (open) {
            open.put(cursor, scope);
        }
        List<Object[]> first;
        try {
            first = cursor.first();
        } catch (RuntimeException | Error e) {
            cursor.close();
            if (scope.stale) {
                return null;
            }
            throw e;
        }
        return new QueryResult(executor.plan().columns(), first, cursor.ended() ? null : cursor);
    }

    private void forget(StreamingCursor cursor) {
        synchronized (open) {
            open.remove(cursor);
        }
    }

    /** The transaction is about to commit or roll back: the cursors reading in it read the rest of their rows. */
    void transactionEnds(StoreTransaction tx) {
        for (StreamingCursor cursor : cursorsOf(tx)) {
            cursor.readRest();
        }
    }

    private List<StreamingCursor> cursorsOf(StoreTransaction tx) {
        List<StreamingCursor> found = new ArrayList<>();
        synchronized (open) {
            for (Map.Entry<StreamingCursor, Scope> e : open.entrySet()) {
                if (e.getValue().tx == tx) {
                    found.add(e.getKey());
                }
            }
        }
        return found;
    }

    void closeAll() {
        List<StreamingCursor> all;
        synchronized (open) {
            all = new ArrayList<>(open.keySet());
        }
        for (StreamingCursor cursor : all) {
            cursor.close();
        }
    }

    /** One cursor's batch: the transaction attached and the shared side of the commit gate held. */
    private final class Scope implements ReadScope {
        private final StoreTransaction tx;
        private final long catalogVersion;
        private boolean first = true;
        /** Set when DDL ran between planning and the first batch: the statement is planned and run again. */
        volatile boolean stale;

        Scope(StoreTransaction tx, long catalogVersion) {
            this.tx = tx;
            this.catalogVersion = catalogVersion;
        }

        @Override
        public void enter() {
            if (tx != null) {
                if (!tx.isUsable()) {
                    throw new RecallException(ErrorCode.INVALID_TRANSACTION_STATE,
                            "The transaction this result set was reading in was rolled back");
                }
                tx.resume();
            }
            database.gate().enterRead();
            if (database.catalog().version() != catalogVersion) {
                // a table the query reads may be gone or replaced: its store could end early, never read wrong rows
                stale = first;
                exit();
                throw new RecallException(ErrorCode.SERIALIZATION_FAILURE, first ? "The catalog changed; plan again"
                        : "The schema changed (DDL) while the result set was open; run the query again");
            }
            first = false;
        }

        @Override
        public void exit() {
            database.gate().exitRead();
            if (tx != null) {
                tx.suspend();
            }
        }

        @Override
        public RuntimeException translate(RuntimeException failure) {
            if (!(failure instanceof RecallException) && database.catalog().version() != catalogVersion) {
                return new RecallException(ErrorCode.SERIALIZATION_FAILURE, "A table was changed by ALTER or DROP "
                        + "while the result set was open; run the query again", failure);
            }
            return failure;
        }
    }
}
