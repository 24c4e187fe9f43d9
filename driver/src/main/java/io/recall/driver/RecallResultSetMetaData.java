package io.recall.driver;

import io.recall.parser.plan.OutputColumn;
import io.recall.parser.types.SqlType;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Describes the columns of a result from the engine's {@link OutputColumn}s; it works on its own,
 * so it stays usable after the result set closes (and for PreparedStatement.getMetaData).
 */
public final class RecallResultSetMetaData implements ResultSetMetaData {
    private final OutputColumn[] columns;

    RecallResultSetMetaData(OutputColumn[] columns) {
        this.columns = columns;
    }

    private OutputColumn column(int column) throws SQLException {
        if (column < 1 || column > columns.length) {
            throw SqlExceptions.create("Column index " + column + " is out of range 1.." + columns.length,
                    SqlExceptions.INVALID_INDEX);
        }
        return columns[column - 1];
    }

    private SqlType type(int column) throws SQLException {
        return column(column).type().type();
    }

    @Override
    public int getColumnCount() {
        return columns.length;
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return type(column).isString();
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return column(column).nullable() ? columnNullable : columnNoNulls;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return JdbcTypes.isSigned(type(column));
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return JdbcTypes.displaySize(column(column).type());
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        OutputColumn c = column(column);
        return c.label() != null ? c.label() : c.name();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        OutputColumn c = column(column);
        return c.name() != null ? c.name() : c.label();
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        String schema = column(column).schema();
        return schema == null ? "" : schema;
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return column(column).type().precision();
    }

    @Override
    public int getScale(int column) throws SQLException {
        return JdbcTypes.scale(column(column).type());
    }

    @Override
    public String getTableName(int column) throws SQLException {
        String table = column(column).table();
        return table == null ? "" : table;
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return JdbcTypes.code(type(column));
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return JdbcTypes.name(column(column).type());
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        return column(column).table() == null;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        return !isReadOnly(column);
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return JdbcTypes.className(type(column));
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (isWrapperFor(iface)) {
            return iface.cast(this);
        }
        throw SqlExceptions.invalidArgument("Not a wrapper for " + (iface == null ? "null" : iface.getName()));
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }
}
