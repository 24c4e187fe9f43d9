package io.recall.driver;

import io.recall.parser.types.ColumnType;
import io.recall.parser.types.SqlType;

import java.sql.Types;

/**
 * How Recall's SQL types look through JDBC: the {@link Types} code, the type name, the Java class
 * {@code getObject} returns, display size; and the reverse, from a {@code Types} code to the
 * Recall type a {@code setObject(..., targetSqlType)} value is converted to.
 */
final class JdbcTypes {
    private JdbcTypes() {
    }

    static int code(SqlType type) {
        return switch (type) {
            case BOOLEAN -> Types.BOOLEAN;
            case SMALLINT -> Types.SMALLINT;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case DECIMAL -> Types.DECIMAL;
            case REAL -> Types.REAL;
            case DOUBLE -> Types.DOUBLE;
            case CHAR -> Types.CHAR;
            case VARCHAR -> Types.VARCHAR;
            case CLOB -> Types.CLOB;
            case BINARY -> Types.BINARY;
            case VARBINARY -> Types.VARBINARY;
            case BLOB -> Types.BLOB;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case TIMESTAMP -> Types.TIMESTAMP;
            case TIMESTAMP_TZ -> Types.TIMESTAMP_WITH_TIMEZONE;
            case UUID, JSON -> Types.OTHER;
            case ARRAY -> Types.ARRAY;
            case JAVA_OBJECT -> Types.JAVA_OBJECT;
            case UNKNOWN -> Types.NULL;
        };
    }

    /** The type name without length, as getColumnTypeName and getTypeInfo report it. */
    static String name(SqlType type) {
        return type == SqlType.UNKNOWN ? "NULL" : type.sqlName();
    }

    /** The type name of a column: an array's names its element type, {@code INTEGER ARRAY}, as H2 does. */
    static String name(ColumnType type) {
        return type.type() == SqlType.ARRAY && type.element() != null
                ? name(type.element()) + " ARRAY" : name(type.type());
    }

    /** The class {@code getObject} returns for the type. */
    static String className(SqlType type) {
        return switch (type) {
            case DATE -> java.sql.Date.class.getName();
            case TIME -> java.sql.Time.class.getName();
            case TIMESTAMP -> java.sql.Timestamp.class.getName();
            case BINARY, VARBINARY, BLOB -> "[B";
            case JSON -> String.class.getName();
            case ARRAY -> java.sql.Array.class.getName();
            case JAVA_OBJECT -> Object.class.getName();
            default -> type.javaClass().getName();
        };
    }

    /** The class of the objects {@code getObject} returns for the type (array elements are made of it). */
    static Class<?> objectClass(SqlType type) {
        return switch (type) {
            case DATE -> java.sql.Date.class;
            case TIME -> java.sql.Time.class;
            case TIMESTAMP -> java.sql.Timestamp.class;
            case JSON -> String.class;
            case ARRAY -> java.sql.Array.class;
            case JAVA_OBJECT -> Object.class;
            default -> type.javaClass();
        };
    }

    static int displaySize(ColumnType type) {
        return switch (type.type()) {
            case BOOLEAN -> 5;
            case SMALLINT -> 6;
            case INTEGER -> 11;
            case BIGINT -> 20;
            case DECIMAL -> Math.min(Integer.MAX_VALUE - 2, type.precision()) + 2;
            case REAL -> 15;
            case DOUBLE -> 24;
            case BINARY, VARBINARY -> type.length() > 0 ? 2 * type.length() : Integer.MAX_VALUE;
            case UNKNOWN -> 4;
            default -> type.precision();
        };
    }

    static boolean isSigned(SqlType type) {
        return type.isNumeric();
    }

    /** Digits after the point: the scale of a DECIMAL, fractional seconds of a time, else 0. */
    static int scale(ColumnType type) {
        return switch (type.type()) {
            case DECIMAL -> type.scale();
            case TIME, TIMESTAMP, TIMESTAMP_TZ -> 9;
            default -> 0;
        };
    }

    /** The Recall type for a {@code java.sql.Types} code, or null when values pass unconverted. */
    static SqlType fromCode(int code) {
        return switch (code) {
            case Types.BOOLEAN, Types.BIT -> SqlType.BOOLEAN;
            case Types.TINYINT, Types.SMALLINT -> SqlType.SMALLINT;
            case Types.INTEGER -> SqlType.INTEGER;
            case Types.BIGINT -> SqlType.BIGINT;
            case Types.DECIMAL, Types.NUMERIC -> SqlType.DECIMAL;
            case Types.REAL -> SqlType.REAL;
            case Types.FLOAT, Types.DOUBLE -> SqlType.DOUBLE;
            case Types.CHAR, Types.NCHAR, Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB -> SqlType.VARCHAR;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> SqlType.VARBINARY;
            case Types.DATE -> SqlType.DATE;
            case Types.TIME -> SqlType.TIME;
            case Types.TIMESTAMP -> SqlType.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> SqlType.TIMESTAMP_TZ;
            default -> null;
        };
    }
}
