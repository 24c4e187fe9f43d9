package io.recall.driver;

import io.recall.parser.plan.OutputColumn;
import io.recall.parser.types.ArrayValue;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.SqlType;
import io.recall.parser.types.Values;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link java.sql.Array} over an ARRAY value: what {@code getArray}/{@code getObject} return and what
 * {@code Connection.createArrayOf} makes. It holds the value itself (nothing is read lazily), so it stays
 * usable after its result set closes; {@code free} has nothing to release.
 */
public final class RecallArray implements Array {
    private final ArrayValue value;
    private final ColumnType element;

    /** {@code element} is the element type, or null to take it from the first non-null element. */
    RecallArray(ArrayValue value, ColumnType element) {
        this.value = value;
        this.element = element != null && element.type() != SqlType.UNKNOWN ? element : guess(value);
    }

    private static ColumnType guess(ArrayValue value) {
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) != null) {
                return Values.typeOf(value.get(i));
            }
        }
        return ColumnType.UNKNOWN;
    }

    ArrayValue value() {
        return value;
    }

    @Override
    public String getBaseTypeName() {
        return JdbcTypes.name(element);
    }

    @Override
    public int getBaseType() {
        return JdbcTypes.code(element.type());
    }

    @Override
    public Object getArray() {
        return slice(0, value.size());
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) throws SQLException {
        checkMap(map);
        return getArray();
    }

    @Override
    public Object getArray(long index, int count) throws SQLException {
        checkRange(index, count);
        return slice((int) index - 1, count);
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        checkMap(map);
        return getArray(index, count);
    }

    /** Elements as getObject gives them (java.sql dates, ...) in an array of that class: Integer[] for INTEGER. */
    private Object[] slice(int from, int count) {
        Object[] out = (Object[]) java.lang.reflect.Array.newInstance(JdbcTypes.objectClass(element.type()), count);
        for (int i = 0; i < count; i++) {
            Object v = value.get(from + i);
            out[i] = v == null ? null : JdbcValues.standard(v);
        }
        return out;
    }

    @Override
    public ResultSet getResultSet() {
        return rows(0, value.size());
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        checkMap(map);
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        checkRange(index, count);
        return rows((int) index - 1, count);
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        checkMap(map);
        return getResultSet(index, count);
    }

    /** One row per element: INDEX (from 1) and VALUE, as the JDBC specification describes. */
    private ResultSet rows(int from, int count) {
        OutputColumn[] columns = {
            new OutputColumn("INDEX", "INDEX", null, null, ColumnType.INTEGER, false),
            new OutputColumn("VALUE", "VALUE", null, null, element, true)};
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(new Object[]{from + i + 1, value.get(from + i)});
        }
        return new RecallResultSet(null, columns, rows, 0);
    }

    private void checkRange(long index, int count) throws SQLException {
        if (index < 1 || count < 0 || index - 1 + count > value.size()) {
            throw SqlExceptions.create("Elements " + index + ".." + (index + count - 1) + " are outside an array of "
                    + value.size(), SqlExceptions.INVALID_INDEX);
        }
    }

    private static void checkMap(Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw SqlExceptions.notSupported("Type maps");
        }
    }

    @Override
    public void free() {
        // holds no resources
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
