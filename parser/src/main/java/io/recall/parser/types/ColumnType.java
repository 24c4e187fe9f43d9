package io.recall.parser.types;

/**
 * A SQL type with its modifiers: length for character and binary types, precision and scale for
 * DECIMAL, the most elements for an ARRAY. {@code length == 0} means "no limit declared". {@code element} is the
 * element type of an ARRAY and null for every other type.
 */
public record ColumnType(SqlType type, int length, int scale, ColumnType element) {
    public ColumnType(SqlType type, int length, int scale) {
        this(type, length, scale, null);
    }

    /** An ARRAY of {@code element}, with at most {@code maxCardinality} elements (0: no limit). */
    public static ColumnType arrayOf(ColumnType element, int maxCardinality) {
        return new ColumnType(SqlType.ARRAY, maxCardinality, 0, element);
    }

    public static final int MAX_DECIMAL_PRECISION = 100_000;

    public static final ColumnType BOOLEAN = of(SqlType.BOOLEAN);
    public static final ColumnType SMALLINT = of(SqlType.SMALLINT);
    public static final ColumnType INTEGER = of(SqlType.INTEGER);
    public static final ColumnType BIGINT = of(SqlType.BIGINT);
    public static final ColumnType DECIMAL = of(SqlType.DECIMAL);
    public static final ColumnType REAL = of(SqlType.REAL);
    public static final ColumnType DOUBLE = of(SqlType.DOUBLE);
    public static final ColumnType VARCHAR = of(SqlType.VARCHAR);
    public static final ColumnType CLOB = of(SqlType.CLOB);
    public static final ColumnType VARBINARY = of(SqlType.VARBINARY);
    public static final ColumnType DATE = of(SqlType.DATE);
    public static final ColumnType TIME = of(SqlType.TIME);
    public static final ColumnType TIMESTAMP = of(SqlType.TIMESTAMP);
    public static final ColumnType TIMESTAMP_TZ = of(SqlType.TIMESTAMP_TZ);
    public static final ColumnType UUID = of(SqlType.UUID);
    public static final ColumnType JSON = of(SqlType.JSON);
    public static final ColumnType UNKNOWN = of(SqlType.UNKNOWN);

    public static ColumnType of(SqlType type) {
        return new ColumnType(type, 0, 0);
    }

    /** The declared name, e.g. {@code VARCHAR(20)} or {@code DECIMAL(10,2)}. */
    public String sqlName() {
        return switch (type) {
            case CHAR, VARCHAR, BINARY, VARBINARY -> length > 0 ? type.sqlName() + "(" + length + ")" : type.sqlName();
            case DECIMAL -> length > 0 ? "DECIMAL(" + length + "," + scale + ")" : "DECIMAL";
            case ARRAY -> (element == null ? "NULL" : element.sqlName()) + " ARRAY" + (length > 0 ? "[" + length + "]" : "");
            default -> type.sqlName();
        };
    }

    /** Precision as JDBC reports it: digits for numbers, characters for strings. */
    public int precision() {
        return switch (type) {
            case BOOLEAN -> 1;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            case REAL -> 7;
            case DOUBLE -> 15;
            case DECIMAL -> length > 0 ? length : MAX_DECIMAL_PRECISION;
            case CHAR, VARCHAR, BINARY, VARBINARY -> length > 0 ? length : Integer.MAX_VALUE;
            case CLOB, BLOB, JSON, JAVA_OBJECT -> Integer.MAX_VALUE;
            case ARRAY -> length > 0 ? length : Integer.MAX_VALUE;
            case DATE -> 10;
            case TIME -> 18;
            case TIMESTAMP -> 29;
            case TIMESTAMP_TZ -> 35;
            case UUID -> 36;
            case UNKNOWN -> 0;
        };
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
