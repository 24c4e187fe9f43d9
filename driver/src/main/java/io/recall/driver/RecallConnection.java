package io.recall.driver;

import io.recall.engine.KeyRequest;
import io.recall.engine.Session;
import io.recall.engine.StoredEntries;
import io.recall.parser.plan.IsolationLevel;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * A JDBC connection: one engine {@link Session} on a database held through the registry. It
 * enforces the JDBC rules the engine leaves to the driver (no commit or rollback in auto-commit,
 * closed-connection errors, isolation codes) and closes its statements when it closes.
 */
public final class RecallConnection extends JdbcObject implements Connection {
    private final ConnectionUrl url;
    private final DatabaseRegistry.Lease lease;
    private final Session session;
    private final JavaObjects javaObjects;
    private final Object lock = new Object();
    private final Set<RecallStatement> statements = ConcurrentHashMap.newKeySet();
    private final Properties clientInfo = new Properties();
    private volatile int networkTimeout;

    RecallConnection(ConnectionUrl url, DatabaseRegistry.Lease lease, Session session, JavaObjects javaObjects) {
        this.url = url;
        this.lease = lease;
        this.session = session;
        this.javaObjects = javaObjects;
    }

    /** The classes this connection may store in JAVA_OBJECT columns ({@code java_classes}). */
    JavaObjects javaObjects() {
        return javaObjects;
    }

    @Override
    SQLException closedError() {
        return SqlExceptions.create("Connection is closed", SqlExceptions.CONNECTION_CLOSED);
    }

    Session session() {
        return session;
    }

    /** Serialises work on the session: JDBC allows a connection to be used from several threads. */
    Object lock() {
        return lock;
    }

    ConnectionUrl url() {
        return url;
    }

    String catalog() {
        return lease.catalog();
    }

    void statementClosed(RecallStatement statement) {
        statements.remove(statement);
    }

    private <T extends RecallStatement> T track(T statement) {
        statements.add(statement);
        return statement;
    }

    @Override
    public Statement createStatement() throws SQLException {
        return createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                ResultSet.HOLD_CURSORS_OVER_COMMIT);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return createStatement(resultSetType, resultSetConcurrency, ResultSet.HOLD_CURSORS_OVER_COMMIT);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        checkOpen();
        checkResultSetOptions(resultSetType, resultSetConcurrency, resultSetHoldability);
        return track(new RecallStatement(this));
    }

    /** Recall has forward-only, read-only, holdable result sets: other choices are downgraded with a warning. */
    private void checkResultSetOptions(int type, int concurrency, int holdability) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE
                && type != ResultSet.TYPE_SCROLL_SENSITIVE) {
            throw SqlExceptions.invalidArgument("Invalid result set type " + type);
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY && concurrency != ResultSet.CONCUR_UPDATABLE) {
            throw SqlExceptions.invalidArgument("Invalid result set concurrency " + concurrency);
        }
        checkHoldability(holdability);
        if (type != ResultSet.TYPE_FORWARD_ONLY) {
            addWarning(new SQLWarning("Result set type downgraded to TYPE_FORWARD_ONLY", "01000"));
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            addWarning(new SQLWarning("Result set concurrency downgraded to CONCUR_READ_ONLY", "01000"));
        }
        if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            addWarning(new SQLWarning("Result set holdability changed to HOLD_CURSORS_OVER_COMMIT", "01000"));
        }
    }

    private static void checkHoldability(int holdability) throws SQLException {
        if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT && holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw SqlExceptions.invalidArgument("Invalid holdability " + holdability);
        }
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepare(sql, KeyRequest.NONE);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return prepareStatement(sql, resultSetType, resultSetConcurrency, ResultSet.HOLD_CURSORS_OVER_COMMIT);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
                                              int resultSetHoldability) throws SQLException {
        checkOpen();
        checkResultSetOptions(resultSetType, resultSetConcurrency, resultSetHoldability);
        return prepare(sql, KeyRequest.NONE);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return prepare(sql, RecallStatement.keys(autoGeneratedKeys));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return prepare(sql, RecallStatement.keys(columnIndexes));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return prepare(sql, RecallStatement.keys(columnNames));
    }

    private PreparedStatement prepare(String sql, KeyRequest keys) throws SQLException {
        checkOpen();
        if (sql == null) {
            throw SqlExceptions.invalidArgument("SQL is null");
        }
        return track(new RecallPreparedStatement(this, sql, keys));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        throw SqlExceptions.notSupported("Stored procedures (prepareCall)");
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        throw SqlExceptions.notSupported("Stored procedures (prepareCall)");
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
                                         int resultSetHoldability) throws SQLException {
        throw SqlExceptions.notSupported("Stored procedures (prepareCall)");
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return sql;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        openRun(() -> {
            synchronized (lock) {
                session.setAutoCommit(autoCommit);
            }
        });
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return open(session::autoCommit);
    }

    @Override
    public void commit() throws SQLException {
        openRun(() -> {
            synchronized (lock) {
                if (session.autoCommit()) {
                    throw SqlExceptions.create("Cannot commit in auto-commit mode",
                            SqlExceptions.INVALID_TRANSACTION_STATE);
                }
                session.commit();
            }
        });
    }

    @Override
    public void rollback() throws SQLException {
        openRun(() -> {
            synchronized (lock) {
                if (session.autoCommit()) {
                    throw SqlExceptions.create("Cannot roll back in auto-commit mode",
                            SqlExceptions.INVALID_TRANSACTION_STATE);
                }
                session.rollback();
            }
        });
    }

    /** Closes the statements, rolls back an open transaction, ends the session, releases the database. */
    @Override
    public void close() throws SQLException {
        if (!markClosed()) {
            return;
        }
        guardRun(this::release);
    }

    private void release() throws SQLException {
        synchronized (lock) {
            try {
                for (RecallStatement statement : new ArrayList<>(statements)) {
                    statement.close();
                }
                if (!session.isClosed() && session.inTransaction()) {
                    session.rollback();
                }
            } finally {
                try {
                    session.close();
                } finally {
                    lease.release();
                }
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closedFlag();
    }

    /** Marks the connection closed at once, cancels what runs, and releases it on the executor. */
    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw SqlExceptions.invalidArgument("abort needs an executor");
        }
        if (!markClosed()) {
            return;
        }
        guardRun(() -> {
            session.cancel();
            executor.execute(() -> {
                try {
                    release();
                } catch (SQLException | RuntimeException e) {
                    addWarning(new SQLWarning("Abort did not release cleanly: " + e.getMessage(), "01000", e));
                }
            });
        });
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new RecallDatabaseMetaData(this);
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        openRun(() -> {
            synchronized (lock) {
                session.setReadOnly(readOnly);
            }
        });
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return open(session::readOnly);
    }

    /** Catalogs are not selectable: a database is chosen by URL, so this is ignored as JDBC allows. */
    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return lease.catalog();
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        IsolationLevel isolation = switch (level) {
            case TRANSACTION_READ_UNCOMMITTED -> IsolationLevel.READ_UNCOMMITTED;
            case TRANSACTION_READ_COMMITTED -> IsolationLevel.READ_COMMITTED;
            case TRANSACTION_REPEATABLE_READ -> IsolationLevel.REPEATABLE_READ;
            case TRANSACTION_SERIALIZABLE -> IsolationLevel.SERIALIZABLE;
            default -> null;
        };
        checkOpen();
        if (isolation == null) {
            throw SqlExceptions.invalidArgument("Invalid transaction isolation level " + level);
        }
        guardRun(() -> {
            synchronized (lock) {
                session.setIsolation(isolation);
            }
        });
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return open(() -> switch (session.isolation()) {
            case READ_UNCOMMITTED, READ_COMMITTED -> TRANSACTION_READ_COMMITTED;
            case REPEATABLE_READ -> TRANSACTION_REPEATABLE_READ;
            case SERIALIZABLE -> TRANSACTION_SERIALIZABLE;
        });
    }

    /** Works after close too: HikariCP clears warnings on connections it has already aborted. */
    @Override
    public synchronized void clearWarnings() throws SQLException {
        if (!closedFlag()) {
            super.clearWarnings();
        }
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return new HashMap<>();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
        if (map != null && !map.isEmpty()) {
            throw SqlExceptions.notSupported("User-defined type maps");
        }
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        checkHoldability(holdability);
        if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            throw SqlExceptions.notSupported("CLOSE_CURSORS_AT_COMMIT (result sets are always holdable)");
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    /** An unnamed savepoint in the open transaction; in auto-commit mode there is none to mark ({@code 25P01}). */
    @Override
    public Savepoint setSavepoint() throws SQLException {
        return open(() -> {
            synchronized (lock) {
                return new RecallSavepoint(this, session.setSavepoint(null), null);
            }
        });
    }

    /**
     * A named savepoint. The name is taken as given, as a quoted identifier: {@code ROLLBACK TO "name"} in SQL
     * reaches it.
     */
    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        checkOpen();
        if (name == null || name.isEmpty()) {
            throw SqlExceptions.invalidArgument("A savepoint name must not be null or empty");
        }
        return open(() -> {
            synchronized (lock) {
                return new RecallSavepoint(this, session.setSavepoint(name), name);
            }
        });
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        int id = ownSavepoint(savepoint);
        openRun(() -> {
            synchronized (lock) {
                session.rollbackToSavepoint(id);
            }
        });
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        int id = ownSavepoint(savepoint);
        openRun(() -> {
            synchronized (lock) {
                session.releaseSavepoint(id);
            }
        });
    }

    private int ownSavepoint(Savepoint savepoint) throws SQLException {
        checkOpen();
        if (!(savepoint instanceof RecallSavepoint s) || !s.belongsTo(this)) {
            throw SqlExceptions.create("Savepoint " + savepoint + " was not set on this connection",
                    SqlExceptions.INVALID_SAVEPOINT);
        }
        return s.id();
    }

    @Override
    public Clob createClob() throws SQLException {
        throw SqlExceptions.notSupported("createClob (use setString)");
    }

    @Override
    public Blob createBlob() throws SQLException {
        throw SqlExceptions.notSupported("createBlob (use setBytes)");
    }

    @Override
    public NClob createNClob() throws SQLException {
        throw SqlExceptions.notSupported("createNClob (use setString)");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw SqlExceptions.notSupported("SQLXML");
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        checkOpen();
        if (typeName == null || typeName.isBlank()) {
            throw SqlExceptions.invalidArgument("createArrayOf needs the element type name");
        }
        return new RecallArray(ParameterValues.array(elements == null ? new Object[0] : elements), null);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw SqlExceptions.notSupported("STRUCT values");
    }

    /** Cheap: an embedded session has no link that could break, so an open connection is valid. */
    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw SqlExceptions.invalidArgument("isValid timeout must be >= 0, not " + timeout);
        }
        return !closedFlag() && !guard(session::isClosed);
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (closedFlag()) {
            throw new SQLClientInfoException("Connection is closed", SqlExceptions.CONNECTION_CLOSED, 0, Map.of());
        }
        if (name == null) {
            throw new SQLClientInfoException("Client info name is null", SqlExceptions.INVALID_ARGUMENT, 0, Map.of());
        }
        synchronized (clientInfo) {
            if (value == null) {
                clientInfo.remove(name);
            } else {
                clientInfo.setProperty(name, value);
            }
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        if (closedFlag()) {
            throw new SQLClientInfoException("Connection is closed", SqlExceptions.CONNECTION_CLOSED, 0, Map.of());
        }
        synchronized (clientInfo) {
            clientInfo.clear();
            if (properties != null) {
                for (String name : properties.stringPropertyNames()) {
                    clientInfo.setProperty(name, properties.getProperty(name));
                }
            }
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        synchronized (clientInfo) {
            return name == null ? null : clientInfo.getProperty(name);
        }
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        synchronized (clientInfo) {
            Properties copy = new Properties();
            copy.putAll(clientInfo);
            return copy;
        }
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        if (schema == null) {
            throw SqlExceptions.invalidArgument("Schema is null");
        }
        guardRun(() -> {
            synchronized (lock) {
                session.setSchema(schema);
            }
        });
    }

    @Override
    public String getSchema() throws SQLException {
        return open(session::schema);
    }

    /** Stored and returned, as HikariCP expects; an embedded session has no network to time out. */
    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        if (milliseconds < 0) {
            throw SqlExceptions.invalidArgument("Network timeout must be >= 0, not " + milliseconds);
        }
        networkTimeout = milliseconds;
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return networkTimeout;
    }

    /**
     * Up to {@code limit} entries of a table's cache as the store holds them, rendered as text: the storage model
     * made visible (the demo prints them beside the same rows read through SQL). {@code table} is a table name as
     * SQL writes it, in the current schema unless qualified. The entries are the committed ones, in the store's
     * order. Not part of JDBC: reach it with {@code connection.unwrap(RecallConnection.class)}, which pools such as
     * HikariCP pass on. An unknown table is {@code 42P01}.
     */
    public List<StoredEntry> storedEntries(String table, int limit) throws SQLException {
        checkOpen();
        if (table == null) {
            throw SqlExceptions.invalidArgument("Table name is null");
        }
        return guard(() -> {
            StoredEntries stored;
            synchronized (lock) {
                stored = session.storedEntries(table, limit);
            }
            return stored.entries().stream()
                    .map(e -> new StoredEntry(stored.storageName(), e.key(), e.row()))
                    .toList();
        });
    }

    /** The open statements, for tests. */
    List<RecallStatement> openStatements() {
        return List.copyOf(statements);
    }
}
