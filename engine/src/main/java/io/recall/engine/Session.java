package io.recall.engine;

import io.recall.engine.exec.DeleteExecutor;
import io.recall.engine.exec.ExecutionControl;
import io.recall.engine.exec.InsertExecutor;
import io.recall.engine.exec.MergeExecutor;
import io.recall.engine.exec.RowWriter;
import io.recall.engine.exec.UndoLog;
import io.recall.engine.exec.UpdateExecutor;
import io.recall.engine.exec.LockingRead;
import io.recall.engine.query.QueryContext;
import io.recall.engine.query.QueryExecutor;
import io.recall.engine.exec.WriteSet;
import io.recall.engine.exec.RowHistory;
import io.recall.engine.exec.Snapshot;
import io.recall.engine.storage.StoreTransaction;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.ViewDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.plan.AlterTablePlan;
import io.recall.parser.plan.BackupPlan;
import io.recall.parser.plan.BoundStatement;
import io.recall.parser.plan.CreateFunctionPlan;
import io.recall.parser.plan.CreateIndexPlan;
import io.recall.parser.plan.CreateTablePlan;
import io.recall.parser.plan.DropFunctionPlan;
import io.recall.parser.plan.DropIndexPlan;
import io.recall.parser.plan.CreateViewPlan;
import io.recall.parser.plan.DeletePlan;
import io.recall.parser.plan.DropTablePlan;
import io.recall.parser.plan.ExplainPlan;
import io.recall.parser.plan.DropViewPlan;
import io.recall.parser.plan.InsertPlan;
import io.recall.engine.storage.Replication;
import io.recall.parser.plan.IsolationLevel;
import io.recall.parser.plan.MergePlan;
import io.recall.parser.plan.SavepointPlan;
import io.recall.parser.plan.SchemaPlan;
import io.recall.parser.plan.SessionCommand;
import io.recall.parser.plan.UpdatePlan;
import io.recall.parser.query.QueryPlan;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection's view of a database: its settings, its transaction, and the narrow API the
 * JDBC layer calls (prepare, execute, commit, rollback). A session is used by one thread at a
 * time; {@link #cancel} is the only method another thread may call.
 *
 * <p>In auto-commit mode a query runs without a store transaction and a write runs in its own;
 * otherwise a store transaction starts lazily with the first statement and ends with commit or
 * rollback. A failed statement inside a longer transaction is undone through its undo log.
 */
public final class Session {
    private final Database database;
    private final String user;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private boolean autoCommit = true;
    private boolean readOnly;
    private IsolationLevel isolation = IsolationLevel.READ_COMMITTED;
    private String schema = io.recall.parser.sql.Names.DEFAULT_SCHEMA;
    private long lockTimeoutMillis;
    private StoreTransaction transaction;
    private WriteSet written;
    /** The open transaction's savepoints; set by the first savepoint, dropped when the transaction ends. */
    private Savepoints savepoints;
    private boolean autoCommitAfterTransaction;
    private boolean closed;
    private final CompiledStatements compiled = new CompiledStatements();
    private final SessionCursors cursors;
    private boolean forceScan;

    Session(Database database, String user) {
        this.database = database;
        this.user = user;
        this.cursors = new SessionCursors(database);
        this.lockTimeoutMillis = database.settings().lockTimeoutMillis();
    }

    public PreparedCommand prepare(String sql) {
        checkOpen();
        database.catchUp();
        return new PreparedCommand(sql, database.catalog(), schema, compiled,
                database::tableStore);
    }

    public Result execute(String sql, ExecutionOptions options) {
        return execute(prepare(sql), options);
    }

    public Result execute(PreparedCommand command, ExecutionOptions options) {
        checkOpen();
        cancelled.set(false);
        database.catchUp();
        command.refresh(database.catalog(), schema);
        command.startExecution();
        ExecutionControl control = new ExecutionControl(options.timeoutMillis(), cancelled).forceScan(forceScan);
        QueryContext qc = new QueryContext(command.context(), control, this::readStore);
        command.subqueries().attach(qc);
        BoundStatement st = command.statement();
        if (database.follower() != null && !(st instanceof SessionCommand)) {
            database.follower().replication().checkAvailable(!(st instanceof QueryPlan qp && !qp.forUpdate()));
        }
        if (st instanceof SessionCommand sc) {
            return run(sc);
        }
        if (st instanceof SavepointPlan sp) {
            return savepoint(sp);
        }
        if (st instanceof BackupPlan bp) {
            return backup(bp);
        }
        if (st instanceof SchemaPlan sp && sp.action() == SchemaPlan.Action.SET) {
            setSchema(sp.schema());
            return Result.count(0);
        }
        if (st instanceof CreateTablePlan || st instanceof DropTablePlan || st instanceof SchemaPlan
                || st instanceof CreateViewPlan || st instanceof DropViewPlan || st instanceof CreateIndexPlan
                || st instanceof DropIndexPlan || st instanceof AlterTablePlan || st instanceof CreateFunctionPlan
                || st instanceof DropFunctionPlan) {
            return runDdl(command);
        }
        if (st instanceof ExplainPlan) {
            List<Object[]> lines = new ArrayList<>();
            for (String line : ((QueryExecutor) command.executor()).explain(qc)) {
                lines.add(new Object[]{line});
            }
            return new Result(new QueryResult(ExplainPlan.COLUMNS.clone(), lines), -1, null);
        }
        if (st instanceof QueryPlan qp && !qp.forUpdate()) {
            return query(command, qc, options);
        }
        try {
            return write(command, qc, options);
        } catch (RecallException e) {
            if (autoCommit && e.code() == ErrorCode.SERIALIZATION_FAILURE && isStale(command)) {
                return execute(command, options); // DDL changed the table under the statement: run it on the new one
            }
            throw e;
        }
    }

    /**
     * A REPEATABLE READ transaction cannot go on past DDL that ran since its snapshot: a rewritten table keeps no
     * earlier versions of its rows ({@code 40001}, retry the transaction).
     */
    private void checkSnapshotCatalog() {
        Snapshot snapshot = written == null ? null : written.snapshot();
        if (snapshot != null && snapshot.catalogVersion() != database.catalog().version()) {
            throw new RecallException(ErrorCode.SERIALIZATION_FAILURE, "The schema changed since this REPEATABLE "
                    + "READ transaction began; roll back and retry it");
        }
    }

    /** True when DDL ran since the command was planned (a rewritten table's old store may be gone). */
    private boolean isStale(PreparedCommand command) {
        return command.catalogVersion() != database.catalog().version();
    }

    /**
     * Runs the query under the shared side of the commit gate, planned for the catalog as it is there: DDL that
     * replaced a table's store since planning makes the query start over. With a fetch size, a query that may give
     * more rows than one batch streams instead ({@link SessionCursors}: the gate is held per batch).
     */
    private Result query(PreparedCommand command, QueryContext qc, ExecutionOptions options) {
        StoreTransaction tx = autoCommit ? null : transaction();
        if (options.fetchSize() > 0
                && !((QueryExecutor) command.executor()).fitsInOneBatch(qc, options.maxRows(), options.fetchSize())) {
            command.holdContext();
            QueryResult rows = cursors.open((QueryExecutor) command.executor(), qc, options, tx, command.catalogVersion());
            return rows != null ? new Result(rows, -1, null) : execute(command, options);
        }
        if (tx != null) {
            tx.resume();
        }
        try {
            database.gate().enterRead();
            try {
                checkSnapshotCatalog();
                if (!isStale(command)) {
                    return new Result(((QueryExecutor) command.executor()).run(qc, options.maxRows()), -1, null);
                }
            } finally {
                database.gate().exitRead();
            }
        } finally {
            if (tx != null) {
                tx.suspend();
            }
        }
        return execute(command, options);
    }

    private Result write(PreparedCommand command, QueryContext qc, ExecutionOptions options) {
        ExecutionControl control = qc.control();
        if (readOnly) {
            throw new RecallException(ErrorCode.READ_ONLY_TRANSACTION,
                    "Cannot write in a read-only transaction: " + command.sql());
        }
        StoreTransaction tx = transaction();
        checkSnapshotCatalog();
        written.startStatement(command.catalogVersion());
        tx.resume();
        UndoLog undo = autoCommit ? UndoLog.notRecording() : new UndoLog();
        Result result;
        try {
            result = writeAttached(command, qc, options, undo);
        } catch (RecallException | Error e) {
            abortStatement(tx, undo, e);
            throw e;
        } catch (RuntimeException e) {
            abortStatement(tx, undo, e);
            if (isStale(command)) {
                throw new RecallException(ErrorCode.SERIALIZATION_FAILURE, "Table changed by ALTER or DROP while "
                        + "the statement ran; retry", e);
            }
            throw e;
        }
        if (autoCommit) {
            commitAttached(tx);
        } else {
            if (savepoints != null) {
                savepoints.keep(undo);
            }
            tx.suspend();
        }
        return result;
    }

    private Result writeAttached(PreparedCommand command, QueryContext qc, ExecutionOptions options,
                                 UndoLog undo) {
        ExecutionControl control = qc.control();
        BoundStatement st = command.statement();
        EvalContext ctx = command.context();
        if (st instanceof InsertPlan p) {
            List<Object[]> written = WrittenRows.collector(p.returning(), options.keys());
            long n = ((InsertExecutor) command.executor()).run(writer(p.table(), undo), ctx, control, written,
                    source -> underGate(() -> command.subqueries().readAll(source, qc)));
            return WrittenRows.result(p.table(), p.returning(), n, written, options.keys(), ctx);
        }
        if (st instanceof UpdatePlan p) {
            UpdateExecutor ex = (UpdateExecutor) command.executor();
            TableStore store = readStore(p.table());
            List<Object> keys = underGate(() -> ex.candidates(store, ctx, control));
            List<Object[]> written = WrittenRows.collector(p.returning(), options.keys());
            long n = ex.apply(keys, writer(p.table(), undo), ctx, control, written);
            return WrittenRows.result(p.table(), p.returning(), n, written, options.keys(), ctx);
        }
        if (st instanceof DeletePlan p) {
            DeleteExecutor ex = (DeleteExecutor) command.executor();
            TableStore store = readStore(p.table());
            List<Object> keys = underGate(() -> ex.candidates(store, ctx, control));
            List<Object[]> written = WrittenRows.collector(p.returning(), options.keys());
            long n = ex.apply(keys, writer(p.table(), undo), ctx, control, written);
            return WrittenRows.result(p.table(), p.returning(), n, written, options.keys(), ctx);
        }
        if (st instanceof MergePlan p) {
            MergeExecutor ex = (MergeExecutor) command.executor();
            TableStore store = readStore(p.table());
            List<Object[]> sources = underGate(() -> command.subqueries().readAll(p.source(), qc));
            List<List<Object>> matches = underGate(() -> ex.matches(sources, store, ctx, control));
            return Result.count(ex.apply(sources, matches, writer(p.table(), undo), ctx, control));
        }
        if (st instanceof QueryPlan p) {
            return new Result(lockAndQuery(command, p, qc, options, undo), -1, null);
        }
        throw new RecallException(ErrorCode.INTERNAL_ERROR, "No executor for " + command.sql());
    }

    /** SELECT ... FOR UPDATE: locks its rows ({@link LockingRead}), then runs the query over the locked rows only. */
    private QueryResult lockAndQuery(PreparedCommand command, QueryPlan plan, QueryContext qc, ExecutionOptions options,
                                     UndoLog undo) {
        LockingRead locking = command.lockingRead();
        TableDef table = plan.locking().table();
        TableStore store = readStore(table);
        List<Object> keys = underGate(() -> locking.candidates(store, command.context(), qc.control()));
        TableStore locked = locking.lock(keys, writer(table, undo), command.context(), qc.control(), lockTimeoutMillis);
        String storageName = table.storageName();
        QueryContext lockedQc = new QueryContext(command.context(), qc.control(),
                t -> t.storageName().equals(storageName) ? locked : readStore(t));
        command.subqueries().attach(lockedQc);
        return underGate(() -> ((QueryExecutor) command.executor()).run(lockedQc, options.maxRows()));
    }

    private <T> T underGate(java.util.function.Supplier<T> read) {
        database.gate().enterRead();
        try {
            return read.get();
        } finally {
            database.gate().exitRead();
        }
    }

    /** The table as this session's transaction reads it: with its own written keys, for index reads. */
    private TableStore readStore(TableDef table) {
        TableStore store = database.tableStore(table);
        return written == null ? store : written.view(store);
    }

    private RowWriter writer(TableDef table, UndoLog undo) {
        return new RowWriter(table, database.tableStore(table), database.store().sequences(),
                database.store().uniqueKeys(), lockTimeoutMillis, undo, written, database.tables());
    }

    /** Undoes a failed statement: the whole transaction in auto-commit, else only the statement. */
    private void abortStatement(StoreTransaction tx, UndoLog undo, Throwable failure) {
        try {
            boolean explicitTransaction = !autoCommit;
            if (autoCommit || !tx.isUsable()) {
                endTransaction();
                tx.rollback();
                if (explicitTransaction) {
                    failure.addSuppressed(new RecallException(ErrorCode.LOCK_TIMEOUT,
                            "The store aborted the transaction; it was rolled back"));
                }
            } else {
                undo.undo();
                tx.suspend();
            }
        } catch (RuntimeException second) {
            failure.addSuppressed(second);
            endTransaction();
            tx.suspend();
        }
    }

    /**
     * BACKUP reads the committed state (not this session's uncommitted writes); RESTORE is DDL: it commits the open
     * transaction first. Both hold the catalog lock, so no DDL runs meanwhile.
     */
    private Result backup(BackupPlan plan) {
        Path file;
        try {
            file = Path.of(plan.file());
        } catch (InvalidPathException e) {
            throw new RecallException(ErrorCode.IO_ERROR, "Invalid file name '" + plan.file() + "': " + e.getReason());
        }
        if (plan.restore()) {
            if (readOnly) {
                throw new RecallException(ErrorCode.READ_ONLY_TRANSACTION, "Cannot RESTORE in a read-only transaction");
            }
            if (transaction != null) {
                commit();
            }
        }
        synchronized (database.catalog()) {
            if (plan.restore()) {
                new Backup(database).restore(file);
            } else {
                new Backup(database).write(file);
            }
        }
        return Result.count(0);
    }

    private Result runDdl(PreparedCommand command) {
        if (readOnly) {
            throw new RecallException(ErrorCode.READ_ONLY_TRANSACTION, "Cannot change the schema in a read-only transaction");
        }
        if (transaction != null || savepoints != null) {
            commit();
        }
        ReplicaFollower follower = database.follower();
        if (follower == null) {
            applyDdl(command);
            return Result.count(0);
        }
        // one statement at a time in the whole cluster, on the catalog as the last one left it; when it returns,
        // every member holds a copy of every table, so no commit acknowledged later lives on this node only
        try (Replication.SchemaLock ignored = follower.replication().lockSchema(lockTimeoutMillis)) {
            database.catchUp();
            command.refresh(database.catalog(), schema);
            applyDdl(command);
        }
        follower.replication().awaitCopies(database.openTableNames(), lockTimeoutMillis);
        return Result.count(0);
    }

    private void applyDdl(PreparedCommand command) {
        BoundStatement st = command.statement();
        DdlExecutor ddl = new DdlExecutor(database);
        if (st instanceof AlterTablePlan) {
            new AlterTableDdl(database).run(command, schema);
        } else if (st instanceof CreateTablePlan p) {
            ddl.createTable(p);
        } else if (st instanceof DropTablePlan p) {
            ddl.dropTable(p);
        } else if (st instanceof CreateViewPlan p) {
            ddl.createView(p);
        } else if (st instanceof DropViewPlan p) {
            ddl.dropView(p);
        } else if (st instanceof CreateIndexPlan p) {
            ddl.createIndex(p);
        } else if (st instanceof DropIndexPlan p) {
            ddl.dropIndex(p);
        } else if (st instanceof CreateFunctionPlan p) {
            ddl.createFunction(p);
        } else if (st instanceof DropFunctionPlan p) {
            ddl.dropFunction(p);
        } else {
            SchemaPlan p = (SchemaPlan) st;
            ddl.schema(p);
            if (p.action() == SchemaPlan.Action.DROP && p.schema().equals(schema)) {
                schema = io.recall.parser.sql.Names.DEFAULT_SCHEMA;
            }
        }
    }

    private Result run(SessionCommand command) {
        switch (command.kind()) {
            case BEGIN -> {
                if (transaction != null || savepoints != null) {
                    commit();
                }
                if (autoCommit) {
                    autoCommit = false;
                    autoCommitAfterTransaction = true;
                }
            }
            case COMMIT -> commit();
            case ROLLBACK -> rollback();
            case SET_ISOLATION -> setIsolation(command.isolation());
            case SET_READ_ONLY -> setReadOnly(true);
            case SET_READ_WRITE -> setReadOnly(false);
            case SET_LOCK_TIMEOUT -> setLockTimeoutMillis(command.value());
            case SET_FORCE_SCAN -> forceScan = command.value() != 0;
        }
        return Result.count(0);
    }

    private StoreTransaction transaction() {
        if (transaction == null) {
            transaction = database.store().begin();
            boolean snapshot = !autoCommit && (isolation == IsolationLevel.REPEATABLE_READ
                    || isolation == IsolationLevel.SERIALIZABLE);
            written = new WriteSet(snapshot ? snapshot(isolation == IsolationLevel.SERIALIZABLE) : null);
        }
        return transaction;
    }

    /** A REPEATABLE READ or SERIALIZABLE transaction's view of the committed rows, taken at its first statement. */
    private Snapshot snapshot(boolean serializable) {
        database.gate().enterRead();
        try {
            return database.history().open(database.catalog().version(), serializable);
        } finally {
            database.gate().exitRead();
        }
    }

    private void commitAttached(StoreTransaction tx) {
        WriteSet writes = written;
        // the snapshot stays open to the commit: the versions a SERIALIZABLE check reads must not be dropped first
        Snapshot snapshot = writes == null ? null : writes.snapshot();
        written = null;
        endTransaction();
        try {
            enterCommitWithClaims(tx, writes);
            try {
                if (writes != null) {
                    refuseIfConstraintsChanged(tx, writes);
                    validateReads(tx, snapshot, writes);
                }
                RowHistory.Pending versions = writes == null ? null : database.history().capture(writes);
                tx.commit();
                database.history().committed(versions);
            } finally {
                database.gate().exitCommit();
            }
        } finally {
            if (snapshot != null) {
                snapshot.close();
            }
        }
    }

    /** A SERIALIZABLE transaction that wrote rolls back when what it read changed since its snapshot. */
    private void validateReads(StoreTransaction tx, Snapshot snapshot, WriteSet writes) {
        if (snapshot == null || writes.isEmpty()) {
            return;
        }
        try {
            snapshot.validate();
        } catch (RecallException e) {
            throw rolledBack(tx, e);
        }
    }

    /**
     * Rolls back a transaction refused at commit and returns the refusal. A rollback that fails too (Infinispan
     * reports a heuristic outcome when a cache the transaction wrote was stopped by DDL) is attached to it: the
     * refusal is what the client must see.
     */
    private static RecallException rolledBack(StoreTransaction tx, RecallException refusal) {
        try {
            tx.rollback();
        } catch (RuntimeException second) {
            refusal.addSuppressed(second);
        }
        return refusal;
    }

    /**
     * Enters the exclusive side of the commit gate once every written row is claimed under the
     * unique indexes its table has now. Indexes are added under the shared side, so the list
     * cannot change between the last check and the commit; claiming waits for locks, so it runs
     * outside the gate and is repeated if an index appeared meanwhile. On failure the transaction
     * is rolled back.
     */
    private void enterCommitWithClaims(StoreTransaction tx, WriteSet writes) {
        try {
            while (true) {
                if (writes != null) {
                    writes.claimUnderNewUniqueIndexes(database.store().uniqueKeys(), lockTimeoutMillis);
                }
                database.gate().enterCommit();
                if (writes == null || writes.indexesUnchanged()) {
                    return;
                }
                database.gate().exitCommit();
            }
        } catch (RuntimeException | Error e) {
            try {
                tx.rollback();
            } catch (RuntimeException second) {
                e.addSuppressed(second);
            }
            throw e;
        }
    }

    /** A transaction that wrote a table before a constraint was added to it rolls back ({@link NewConstraints}). */
    private void refuseIfConstraintsChanged(StoreTransaction tx, WriteSet writes) {
        try {
            database.newConstraints().checkCommit(writes);
        } catch (RecallException e) {
            throw rolledBack(tx, e);
        }
    }

    public void commit() {
        checkOpen();
        StoreTransaction tx = transaction;
        if (tx != null) {
            cursors.transactionEnds(tx);
            tx.resume();
            commitAttached(tx);
        }
        endTransaction();
    }

    public void rollback() {
        checkOpen();
        StoreTransaction tx = transaction;
        if (tx != null) {
            cursors.transactionEnds(tx);
            endTransaction();
            tx.resume();
            tx.rollback();
        }
        endTransaction();
    }

    /** Forgets the transaction; a BEGIN issued in auto-commit mode returns to auto-commit here. */
    private void endTransaction() {
        if (written != null && written.snapshot() != null) {
            written.snapshot().close();
        }
        transaction = null;
        written = null;
        savepoints = null;
        if (autoCommitAfterTransaction) {
            autoCommitAfterTransaction = false;
            autoCommit = true;
        }
    }

    private Result savepoint(SavepointPlan plan) {
        switch (plan.action()) {
            case SET -> setSavepoint(plan.name());
            case ROLLBACK_TO -> rollbackToSavepoint(savepointNamed(plan.name()));
            case RELEASE -> releaseSavepoint(savepointNamed(plan.name()));
        }
        return Result.count(0);
    }

    private int savepointNamed(String name) {
        if (savepoints == null) {
            throw new RecallException(ErrorCode.INVALID_SAVEPOINT, "Savepoint " + name + " does not exist");
        }
        return savepoints.idOf(name);
    }

    /**
     * Sets a savepoint in the open transaction (named, or unnamed when {@code name} is null) and returns its id. In
     * auto-commit mode there is no transaction to mark: {@code 25P01}, as PostgreSQL says.
     */
    public int setSavepoint(String name) {
        checkOpen();
        if (autoCommit) {
            throw new RecallException(ErrorCode.NO_ACTIVE_TRANSACTION,
                    "SAVEPOINT can only be used in a transaction (auto-commit is on)");
        }
        if (savepoints == null) {
            savepoints = new Savepoints();
        }
        return savepoints.set(name);
    }

    /** Undoes what the transaction wrote since the savepoint; the savepoint stays set. */
    public void rollbackToSavepoint(int id) {
        checkOpen();
        Savepoints marks = requireSavepoints(id);
        StoreTransaction tx = transaction;
        if (tx == null) {
            marks.rollbackTo(id); // nothing written since: only forgets later savepoints
            return;
        }
        tx.resume();
        try {
            marks.rollbackTo(id);
        } catch (RuntimeException | Error e) {
            endTransaction();
            try {
                tx.rollback();
            } catch (RuntimeException second) {
                e.addSuppressed(second);
            }
            throw e;
        }
        tx.suspend();
    }

    /** Forgets the savepoint and every later one. */
    public void releaseSavepoint(int id) {
        checkOpen();
        requireSavepoints(id).release(id);
    }

    private Savepoints requireSavepoints(int id) {
        if (savepoints == null) {
            throw new RecallException(ErrorCode.INVALID_SAVEPOINT,
                    "Savepoint with id " + id + " does not exist (its transaction ended)");
        }
        return savepoints;
    }

    public boolean autoCommit() {
        return autoCommit;
    }

    /** Switching auto-commit on commits the open transaction, as JDBC requires. */
    public void setAutoCommit(boolean on) {
        checkOpen();
        if (on && !autoCommit) {
            commit();
        }
        autoCommitAfterTransaction = false;
        autoCommit = on;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public void setReadOnly(boolean readOnly) {
        checkOpen();
        if (transaction != null && readOnly != this.readOnly) {
            throw new RecallException(ErrorCode.INVALID_TRANSACTION_STATE,
                    "Cannot change read-only mode inside a transaction");
        }
        this.readOnly = readOnly;
    }

    public IsolationLevel isolation() {
        return isolation;
    }

    /**
     * READ UNCOMMITTED is raised to READ COMMITTED. REPEATABLE READ reads one snapshot for the whole transaction
     * ({@link Snapshot}); SERIALIZABLE also checks at commit that nothing it read changed since.
     */
    public void setIsolation(IsolationLevel level) {
        checkOpen();
        if (transaction != null && level != isolation) {
            throw new RecallException(ErrorCode.INVALID_TRANSACTION_STATE,
                    "Cannot change the isolation level inside a transaction");
        }
        if (database.follower() != null
                && (level == IsolationLevel.REPEATABLE_READ || level == IsolationLevel.SERIALIZABLE)) {
            // the earlier row versions a snapshot reads are kept per node, from this node's commits only
            throw new RecallException(ErrorCode.NOT_SUPPORTED, level.name().replace('_', ' ')
                    + " is not supported in a cluster yet; use READ COMMITTED and SELECT ... FOR UPDATE");
        }
        isolation = level == IsolationLevel.READ_UNCOMMITTED ? IsolationLevel.READ_COMMITTED : level;
    }

    public String schema() {
        return schema;
    }

    public void setSchema(String schema) {
        checkOpen();
        if (!database.catalog().schemaExists(schema)) {
            throw new RecallException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + schema + " not found");
        }
        this.schema = schema;
    }

    public long lockTimeoutMillis() {
        return lockTimeoutMillis;
    }

    public void setLockTimeoutMillis(long millis) {
        if (millis < 0) {
            throw new RecallException(ErrorCode.INVALID_PARAMETER_VALUE, "Lock timeout must not be negative");
        }
        lockTimeoutMillis = millis;
    }

    /** Stops the statement running in this session, from any thread. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean inTransaction() {
        return transaction != null;
    }

    public String user() {
        return user;
    }

    public List<String> schemas() {
        return database.catalog().schemas();
    }

    public List<TableDef> tables() {
        return database.catalog().tables();
    }

    public List<ViewDef> views() {
        return database.catalog().views();
    }

    /** The table's indexes (UNIQUE constraints included), for metadata. */
    public List<io.recall.parser.catalog.IndexDef> indexes(TableDef table) {
        return database.catalog().indexes(table);
    }

    public boolean isClosed() {
        return closed;
    }

    /** Rolls back an open transaction and ends the session. */
    public void close() {
        if (closed) {
            return;
        }
        try {
            cursors.closeAll();
            if (transaction != null) {
                rollback();
            }
        } finally {
            closed = true;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new RecallException(ErrorCode.CONNECTION_CLOSED, "Connection is closed");
        }
    }

    /** Up to {@code limit} of a table's committed entries as its store holds them, rendered ({@link StoredEntries}). */
    public StoredEntries storedEntries(String table, int limit) {
        checkOpen();
        return StoredEntries.read(database, schema, table, limit);
    }
}
