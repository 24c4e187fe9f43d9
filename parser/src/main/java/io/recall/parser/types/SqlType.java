package io.recall.parser.types;

/**
 * The SQL types Recall stores, each with the one Java class its values have inside the engine
 * (values are cast to it on write, so comparisons and keys never see two forms of one value).
 */
public enum SqlType {
    BOOLEAN("BOOLEAN", Boolean.class),
    SMALLINT("SMALLINT", Integer.class),
    INTEGER("INTEGER", Integer.class),
    BIGINT("BIGINT", Long.class),
    DECIMAL("DECIMAL", java.math.BigDecimal.class),
    REAL("REAL", Float.class),
    DOUBLE("DOUBLE PRECISION", Double.class),
    CHAR("CHARACTER", String.class),
    VARCHAR("CHARACTER VARYING", String.class),
    CLOB("CLOB", String.class),
    BINARY("BINARY", byte[].class),
    VARBINARY("BINARY VARYING", byte[].class),
    BLOB("BLOB", byte[].class),
    DATE("DATE", java.time.LocalDate.class),
    TIME("TIME", java.time.LocalTime.class),
    TIMESTAMP("TIMESTAMP", java.time.LocalDateTime.class),
    TIMESTAMP_TZ("TIMESTAMP WITH TIME ZONE", java.time.OffsetDateTime.class),
    UUID("UUID", java.util.UUID.class),
    /** JSON and JSONB: a parsed document, see {@link JsonValue}. */
    JSON("JSON", JsonValue.class),
    /** A one-dimensional array of one element type ({@link ColumnType#element()}), see {@link ArrayValue}. */
    ARRAY("ARRAY", ArrayValue.class),
    /** JAVA_OBJECT and OTHER: an application object's serialized bytes, see {@link JavaObject}. */
    JAVA_OBJECT("JAVA_OBJECT", JavaObject.class),
    /** The type of a NULL literal or of a parameter whose type is not known yet. */
    UNKNOWN("UNKNOWN", Object.class);

    private final String sqlName;
    private final Class<?> javaClass;

    SqlType(String sqlName, Class<?> javaClass) {
        this.sqlName = sqlName;
        this.javaClass = javaClass;
    }

    public String sqlName() {
        return sqlName;
    }

    public Class<?> javaClass() {
        return javaClass;
    }

    public boolean isNumeric() {
        return ordinal() >= SMALLINT.ordinal() && ordinal() <= DOUBLE.ordinal();
    }

    public boolean isExactInteger() {
        return this == SMALLINT || this == INTEGER || this == BIGINT;
    }

    public boolean isString() {
        return this == CHAR || this == VARCHAR || this == CLOB;
    }

    public boolean isBinary() {
        return this == BINARY || this == VARBINARY || this == BLOB;
    }

    /**
     * Whether values of the type have an order (ORDER BY, MIN/MAX, indexes, keys, {@code <}); a JSON document
     * or a Java object has equality only.
     */
    public boolean isOrderable() {
        return this != JSON && this != JAVA_OBJECT;
    }

    /**
     * Whether a primary key, an index or a UNIQUE constraint may cover a column of the type: arrays are ordered
     * (element by element) but their elements are not normalised the way keys must be.
     */
    public boolean isIndexable() {
        return isOrderable() && this != ARRAY;
    }

    public boolean isDateTime() {
        return this == DATE || this == TIME || this == TIMESTAMP || this == TIMESTAMP_TZ;
    }
}
