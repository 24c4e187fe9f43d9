package io.recall.driver;

import io.recall.engine.query.RowCursor;
import io.recall.parser.plan.OutputColumn;
import io.recall.parser.types.ArrayValue;
import io.recall.parser.types.JavaObject;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A forward-only, read-only cursor over the rows of a query, generated keys or a DatabaseMetaData answer: either
 * fully read by the engine, or streamed (a query run with a fetch size), when it holds one batch and fetches the
 * next from the engine's {@link RowCursor} under the connection's lock. Getters convert the canonical values
 * through {@link JdbcValues}; column labels are matched case-insensitively, the first match winning.
 */
public final class RecallResultSet extends ReadOnlyResultSet {
    private final RecallStatement statement;
    private final OutputColumn[] columns;
    /** The rows at hand: all of them, or the current batch of a streamed result. */
    private List<Object[]> rows;
    private int size;
    private int index = -1;
    /** Rows of the batches before the current one. */
    private long before;
    /** The rows still to fetch from the engine; null once there are none (or for a fully read result). */
    private RowCursor rest;
    /** A batch fetched ahead by isLast. */
    private List<Object[]> ahead;
    private Object[] row;
    private boolean wasNull;
    private int fetchSize;
    private Map<String, Integer> labels;

    /** {@code statement} is null for metadata result sets; {@code maxRows} 0 means all rows. */
    RecallResultSet(RecallStatement statement, OutputColumn[] columns, List<Object[]> rows, long maxRows) {
        this(statement, columns, rows, maxRows, null, 0);
    }

    /** A streamed result: {@code rows} is its first batch, {@code rest} the cursor to the others (or null). */
    RecallResultSet(RecallStatement statement, OutputColumn[] columns, List<Object[]> rows, long maxRows,
                    RowCursor rest, int fetchSize) {
        this.statement = statement;
        this.columns = columns;
        this.rows = rows;
        this.size = maxRows > 0 && maxRows < rows.size() ? (int) maxRows : rows.size();
        this.rest = rest;
        this.fetchSize = fetchSize;
    }

    @Override
    String context() {
        return statement == null ? null : statement.context();
    }

    @Override
    SQLException closedError() {
        return SqlExceptions.create("Result set is closed", SqlExceptions.INVALID_STATE);
    }

    OutputColumn[] columns() {
        return columns;
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (index + 1 >= size && hasNextBatch()) {
            before += size;
            rows = ahead;
            size = ahead.size();
            ahead = null;
            index = -1;
        }
        if (index < size) {
            index++;
        }
        row = index < size ? rows.get(index) : null;
        return row != null;
    }

    /** Whether the engine has more rows; fetches the next batch into {@link #ahead} to know. */
    private boolean hasNextBatch() throws SQLException {
        if (ahead != null) {
            return true;
        }
        RowCursor cursor = rest;
        if (cursor == null) {
            return false;
        }
        List<Object[]> batch;
        synchronized (statement.connection.lock()) {
            batch = guard(() -> cursor.fetch(fetchSize));
        }
        if (batch.isEmpty()) {
            rest = null;
            return false;
        }
        ahead = batch;
        return true;
    }

    @Override
    public void close() {
        if (markClosed()) {
            row = null;
            rows = List.of();
            ahead = null;
            RowCursor cursor = rest;
            rest = null;
            if (cursor != null) {
                cursor.close();
            }
            if (statement != null) {
                statement.resultSetClosed(this);
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closedFlag();
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    /** The value at a 1-based column of the current row, recording wasNull. */
    private Object value(int column) throws SQLException {
        checkOpen();
        if (row == null) {
            throw SqlExceptions.create(index < 0 ? "No current row: call next() first" : "No current row: after the "
                    + "last row", SqlExceptions.NO_CURRENT_ROW);
        }
        if (column < 1 || column > columns.length) {
            throw SqlExceptions.create("Column index " + column + " is out of range 1.." + columns.length,
                    SqlExceptions.INVALID_INDEX);
        }
        Object v = row[column - 1];
        wasNull = v == null;
        return v;
    }

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        checkOpen();
        if (labels == null) {
            Map<String, Integer> map = new HashMap<>();
            for (int i = columns.length - 1; i >= 0; i--) {
                String label = columns[i].label() != null ? columns[i].label() : columns[i].name();
                if (label != null) {
                    map.put(label.toUpperCase(Locale.ROOT), i + 1);
                }
            }
            labels = map;
        }
        Integer i = columnLabel == null ? null : labels.get(columnLabel.toUpperCase(Locale.ROOT));
        if (i == null) {
            throw SqlExceptions.create("Column " + columnLabel + " not found in the result set",
                    SqlExceptions.COLUMN_NOT_FOUND);
        }
        return i;
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        if (v instanceof JavaObject j) {
            return String.valueOf(javaObject(j));
        }
        return v == null ? null : guard(() -> JdbcValues.text(v));
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        return v != null && guard(() -> JdbcValues.bool(v));
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        return (byte) integral(columnIndex, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        return (short) integral(columnIndex, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        return (int) integral(columnIndex, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        return integral(columnIndex, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
    }

    private long integral(int columnIndex, long min, long max, String target) throws SQLException {
        Object v = value(columnIndex);
        return v == null ? 0 : guard(() -> JdbcValues.integral(v, min, max, target));
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        return v == null ? 0 : (float) (double) guard(() -> JdbcValues.floating(v, true));
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        return v == null ? 0 : guard(() -> JdbcValues.floating(v, false));
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        return v == null ? null : guard(() -> JdbcValues.decimal(v));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal d = getBigDecimal(columnIndex);
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        return v == null ? null : guard(() -> JdbcValues.bytes(v));
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        return v == null ? null : guard(() -> Date.valueOf(JdbcValues.localDate(v)));
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        return v == null ? null : guard(() -> JdbcValues.time(JdbcValues.localTime(v)));
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        return v == null ? null : guard(() -> JdbcValues.as(v, Timestamp.class));
    }

    /** The stored local date, read as midnight in the calendar's zone. */
    @Override
    public Date getDate(int columnIndex, Calendar cal) throws SQLException {
        if (cal == null) {
            return getDate(columnIndex);
        }
        Object v = value(columnIndex);
        return v == null ? null : guard(() -> new Date(JdbcValues.localDate(v)
                .atStartOfDay(cal.getTimeZone().toZoneId()).toInstant().toEpochMilli()));
    }

    @Override
    public Time getTime(int columnIndex, Calendar cal) throws SQLException {
        if (cal == null) {
            return getTime(columnIndex);
        }
        Object v = value(columnIndex);
        return v == null ? null : guard(() -> {
            LocalTime t = JdbcValues.localTime(v);
            return new Time(t.atDate(java.time.LocalDate.of(1970, 1, 1)).atZone(cal.getTimeZone().toZoneId())
                    .toInstant().toEpochMilli());
        });
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        if (cal == null) {
            return getTimestamp(columnIndex);
        }
        Object v = value(columnIndex);
        return v == null ? null : guard(() -> {
            if (v instanceof OffsetDateTime t) {
                return Timestamp.from(t.toInstant());
            }
            LocalDateTime t = JdbcValues.localDateTime(v);
            return Timestamp.from(t.atZone(cal.getTimeZone().toZoneId()).toInstant());
        });
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        if (v instanceof JavaObject j) {
            return javaObject(j);
        }
        if (v instanceof ArrayValue a) {
            return new RecallArray(a, columns[columnIndex - 1].type().element());
        }
        return JdbcValues.standard(v);
    }

    /** Deserialised through the connection's allow-list ({@code java_classes}), never otherwise. */
    private Object javaObject(JavaObject v) throws SQLException {
        JavaObjects allowed = statement == null ? JavaObjects.NONE : statement.connection.javaObjects();
        return allowed.decode(v);
    }

    @Override
    public java.sql.Array getArray(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        if (v == null) {
            return null;
        }
        ArrayValue a = guard(() -> io.recall.parser.types.Cast.toArray(v));
        return new RecallArray(a, columns[columnIndex - 1].type().element());
    }

    @Override
    public java.sql.Array getArray(String columnLabel) throws SQLException {
        return getArray(findColumn(columnLabel));
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        if (type == null) {
            throw SqlExceptions.invalidArgument("getObject needs a type");
        }
        Object v = value(columnIndex);
        if (v instanceof JavaObject j && type != byte[].class) {
            Object o = javaObject(j);
            if (!type.isInstance(o)) {
                throw JdbcValues.cannotConvert(o, type.getName());
            }
            return type.cast(o);
        }
        return v == null ? null : guard(() -> JdbcValues.as(v, type));
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_16BE));
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        byte[] b = getBytes(columnIndex);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return getString(columnIndex);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return getCharacterStream(columnIndex);
    }

    @Override
    public String getString(String columnLabel) throws SQLException {
        return getString(findColumn(columnLabel));
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException {
        return getBoolean(findColumn(columnLabel));
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException {
        return getByte(findColumn(columnLabel));
    }

    @Override
    public short getShort(String columnLabel) throws SQLException {
        return getShort(findColumn(columnLabel));
    }

    @Override
    public int getInt(String columnLabel) throws SQLException {
        return getInt(findColumn(columnLabel));
    }

    @Override
    public long getLong(String columnLabel) throws SQLException {
        return getLong(findColumn(columnLabel));
    }

    @Override
    public float getFloat(String columnLabel) throws SQLException {
        return getFloat(findColumn(columnLabel));
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException {
        return getDouble(findColumn(columnLabel));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
        return getBigDecimal(findColumn(columnLabel), scale);
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        return getBigDecimal(findColumn(columnLabel));
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        return getBytes(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel) throws SQLException {
        return getDate(findColumn(columnLabel));
    }

    @Override
    public Time getTime(String columnLabel) throws SQLException {
        return getTime(findColumn(columnLabel));
    }

    @Override
    public Timestamp getTimestamp(String columnLabel) throws SQLException {
        return getTimestamp(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel, Calendar cal) throws SQLException {
        return getDate(findColumn(columnLabel), cal);
    }

    @Override
    public Time getTime(String columnLabel, Calendar cal) throws SQLException {
        return getTime(findColumn(columnLabel), cal);
    }

    @Override
    public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(columnLabel), cal);
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return getObject(findColumn(columnLabel), type);
    }

    @Override
    public InputStream getAsciiStream(String columnLabel) throws SQLException {
        return getAsciiStream(findColumn(columnLabel));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String columnLabel) throws SQLException {
        return getUnicodeStream(findColumn(columnLabel));
    }

    @Override
    public InputStream getBinaryStream(String columnLabel) throws SQLException {
        return getBinaryStream(findColumn(columnLabel));
    }

    @Override
    public Reader getCharacterStream(String columnLabel) throws SQLException {
        return getCharacterStream(findColumn(columnLabel));
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        return getString(findColumn(columnLabel));
    }

    @Override
    public Reader getNCharacterStream(String columnLabel) throws SQLException {
        return getCharacterStream(findColumn(columnLabel));
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new RecallResultSetMetaData(columns);
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return row == null ? 0 : (int) Math.min(Integer.MAX_VALUE, before + index + 1);
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return before == 0 && index < 0 && size > 0;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return index >= size && before + size > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return row != null && before == 0 && index == 0;
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return row != null && index == size - 1 && !hasNextBatch();
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD) {
            throw SqlExceptions.invalidArgument("A forward-only result set only fetches forward (FETCH_FORWARD)");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw SqlExceptions.invalidArgument("Fetch size must be >= 0, not " + rows);
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean rowInserted() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        checkOpen();
        return false;
    }
}
