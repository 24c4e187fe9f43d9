package io.recall.driver;

import io.recall.engine.PreparedCommand;
import io.recall.parser.types.ColumnType;

import java.sql.ParameterMetaData;
import java.sql.SQLException;

/**
 * The parameters of a prepared statement as the engine typed them when it planned the statement
 * (Spring asks for a parameter's type before it calls setNull). All parameters are IN.
 */
public final class RecallParameterMetaData implements ParameterMetaData {
    private final PreparedCommand command;

    RecallParameterMetaData(PreparedCommand command) {
        this.command = command;
    }

    private ColumnType type(int param) throws SQLException {
        int count = command.parameterCount();
        if (param < 1 || param > count) {
            throw SqlExceptions.create("Parameter index " + param + " is out of range 1.." + count,
                    SqlExceptions.INVALID_INDEX);
        }
        try {
            ColumnType type = command.parameterType(param - 1);
            return type == null ? ColumnType.UNKNOWN : type;
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e, command.sql());
        }
    }

    @Override
    public int getParameterCount() throws SQLException {
        try {
            return command.parameterCount();
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e, command.sql());
        }
    }

    @Override
    public int isNullable(int param) throws SQLException {
        type(param);
        return parameterNullableUnknown;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        return JdbcTypes.isSigned(type(param).type());
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        return type(param).precision();
    }

    @Override
    public int getScale(int param) throws SQLException {
        return JdbcTypes.scale(type(param));
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        return JdbcTypes.code(type(param).type());
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        return JdbcTypes.name(type(param));
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        return JdbcTypes.className(type(param).type());
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        type(param);
        return parameterModeIn;
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
