package io.recall.driver;

import io.recall.engine.KeyRequest;
import io.recall.engine.PreparedCommand;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A statement parsed and planned once (at prepareStatement time); each execution only binds the
 * parameters, converted by {@link ParameterValues} to the engine's canonical values.
 */
public final class RecallPreparedStatement extends RecallStatement implements PreparedStatement {
    private final PreparedCommand command;
    private final KeyRequest keys;
    private final List<Object[]> batch = new ArrayList<>();

    RecallPreparedStatement(RecallConnection connection, String sql, KeyRequest keys) throws SQLException {
        super(connection);
        this.keys = keys;
        setContext(sql);
        this.command = guard(() -> {
            synchronized (connection.lock()) {
                return connection.session().prepare(sql);
            }
        });
        setPoolable(true);
    }

    private static SQLException notOnPrepared() {
        return new SQLException("This method takes SQL text and cannot be called on a PreparedStatement",
                "HY000");
    }

    private boolean run(Boolean query) throws SQLException {
        checkUsable();
        return guard(() -> {
            synchronized (connection.lock()) {
                startExecution(command.sql());
                if (query != null) {
                    checkKind(command, query);
                }
                return absorb(connection.session().execute(command, options(keys)), Boolean.FALSE.equals(query));
            }
        });
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        run(true);
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return clamp(executeLargeUpdate());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        run(false);
        return updateCountOrZero();
    }

    @Override
    public boolean execute() throws SQLException {
        return run(null);
    }

    @Override
    public void addBatch() throws SQLException {
        checkUsable();
        batch.add(guard(command::parameters));
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkUsable();
        List<Object[]> work = new ArrayList<>(batch);
        batch.clear();
        long[] counts = new long[work.size()];
        synchronized (connection.lock()) {
            startExecution(command.sql());
            for (int i = 0; i < counts.length; i++) {
                try {
                    checkBatchable(command);
                    command.setParameters(work.get(i));
                    io.recall.engine.Result r = connection.session().execute(command, options(keys));
                    addKeys(r.generatedKeys());
                    counts[i] = r.updateCount();
                } catch (SQLException | RuntimeException | Error e) {
                    throw batchFailure(e, command.sql(), Arrays.copyOf(counts, i));
                }
            }
        }
        return counts;
    }

    @Override
    public void close() {
        batch.clear();
        super.close();
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkUsable();
        return guard(() -> command.returnsRows() ? new RecallResultSetMetaData(command.columns()) : null);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkUsable();
        return new RecallParameterMetaData(command);
    }

    @Override
    public void clearParameters() throws SQLException {
        checkUsable();
        guardRun(command::clearParameters);
    }

    /** Binds an already canonical value to a 1-based parameter. */
    private void bind(int index, Object canonical) throws SQLException {
        checkUsable();
        guardRun(() -> {
            int count = command.parameterCount();
            if (index < 1 || index > count) {
                throw SqlExceptions.create("Parameter index " + index + " is out of range 1.." + count,
                        SqlExceptions.INVALID_INDEX);
            }
            command.setParameter(index - 1, canonical);
        });
    }

    private void bindObject(int index, Object x) throws SQLException {
        bind(index, guard(() -> ParameterValues.canonical(x, connection.javaObjects())));
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        bind(parameterIndex, null);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        bind(parameterIndex, null);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        bind(parameterIndex, (int) x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        bind(parameterIndex, (int) x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        bind(parameterIndex, value);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        bind(parameterIndex, x == null ? null : x.clone());
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        bindObject(parameterIndex, x);
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        bindObject(parameterIndex, x);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        bindObject(parameterIndex, x);
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        bind(parameterIndex, x == null ? null : cal == null ? x.toLocalDate() : ParameterValues.localDate(x, cal));
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        bind(parameterIndex, x == null ? null : cal == null ? ParameterValues.localTime(x)
                : ParameterValues.localTime(x, cal));
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        bind(parameterIndex, x == null ? null : cal == null ? x.toLocalDateTime()
                : ParameterValues.localDateTime(x, cal));
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        bindObject(parameterIndex, x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        if (targetSqlType == java.sql.Types.JAVA_OBJECT || targetSqlType == java.sql.Types.OTHER) {
            bindObject(parameterIndex, x);
            return;
        }
        bind(parameterIndex, guard(() -> ParameterValues.canonical(x, targetSqlType)));
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        setObject(parameterIndex, x, targetSqlType);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength)
            throws SQLException {
        setObject(parameterIndex, x, targetSqlType);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        if (targetSqlType == null || targetSqlType.getVendorTypeNumber() == null) {
            setObject(parameterIndex, x);
        } else {
            setObject(parameterIndex, x, targetSqlType.getVendorTypeNumber().intValue());
        }
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setAsciiStream(parameterIndex, x, (long) length);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        bind(parameterIndex, ParameterValues.read(x, length, StandardCharsets.US_ASCII));
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        setAsciiStream(parameterIndex, x, -1L);
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        bind(parameterIndex, ParameterValues.read(x, length, StandardCharsets.UTF_16BE));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setBinaryStream(parameterIndex, x, (long) length);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        bind(parameterIndex, ParameterValues.read(x, length));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        setBinaryStream(parameterIndex, x, -1L);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        setCharacterStream(parameterIndex, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        bind(parameterIndex, ParameterValues.read(reader, length));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader, -1L);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        setCharacterStream(parameterIndex, value, length);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        setCharacterStream(parameterIndex, value, -1L);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        bindObject(parameterIndex, x);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader, -1L);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        bindObject(parameterIndex, value);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader, -1L);
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        bindObject(parameterIndex, x);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        setBinaryStream(parameterIndex, inputStream, length);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        setBinaryStream(parameterIndex, inputStream, -1L);
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        bind(parameterIndex, x == null ? null : x.toString());
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        throw SqlExceptions.notSupported("REF parameters");
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        bindObject(parameterIndex, x);
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw SqlExceptions.notSupported("ROWID parameters");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        throw SqlExceptions.notSupported("SQLXML parameters");
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw notOnPrepared();
    }
}
