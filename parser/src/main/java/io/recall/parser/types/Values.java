package io.recall.parser.types;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * Comparison of two non-null SQL values of possibly different types, as SQL compares them:
 * numbers by value across Java classes, a string against a typed value by converting the
 * string to that type (so {@code id = '5'} matches 5), and never by Java identity.
 */
public final class Values {
    private Values() {
    }

    public static int compare(Object a, Object b) {
        if (a instanceof Integer x && b instanceof Integer y) {
            return Integer.compare(x, y);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y);
        }
        if (a instanceof String s && !(b instanceof String)) {
            return compare(convertLike(s, b), b);
        }
        if (b instanceof String s && !(a instanceof String)) {
            return compare(a, convertLike(s, a));
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof Boolean x && b instanceof Number) {
            return compare(x ? 1 : 0, b);
        }
        if (b instanceof Boolean y && a instanceof Number) {
            return compare(a, y ? 1 : 0);
        }
        if (a instanceof LocalDate x && b instanceof LocalDate y) {
            return x.compareTo(y);
        }
        if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
            return x.compareTo(y);
        }
        if (a instanceof LocalTime x && b instanceof LocalTime y) {
            return x.compareTo(y);
        }
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return x.toInstant().compareTo(y.toInstant());
        }
        if (isDateTime(a) && isDateTime(b)) {
            if (a instanceof OffsetDateTime || b instanceof OffsetDateTime) {
                return Cast.toTimestampTz(a).toInstant().compareTo(Cast.toTimestampTz(b).toInstant());
            }
            return Cast.toTimestamp(a).compareTo(Cast.toTimestamp(b));
        }
        if (a instanceof UUID x && b instanceof UUID y) {
            return x.compareTo(y);
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.compareUnsigned(x, y);
        }
        if (a instanceof ArrayValue x && b instanceof ArrayValue y) {
            return ArrayValue.compare(x, y);
        }
        if (a instanceof JsonValue || b instanceof JsonValue) {
            throw notOrderable(a instanceof JsonValue ? a : b);
        }
        if (a instanceof JavaObject || b instanceof JavaObject) {
            throw notOrderable(a instanceof JavaObject ? a : b);
        }
        throw new RecallException(ErrorCode.TYPE_MISMATCH,
                "Cannot compare " + typeName(a) + " with " + typeName(b));
    }

    private static RecallException notOrderable(Object v) {
        return new RecallException(ErrorCode.NOT_SUPPORTED, "Values of type " + typeName(v)
                + " have no order: only = and <> compare them");
    }

    private static boolean isDateTime(Object v) {
        return v instanceof LocalDate || v instanceof LocalDateTime || v instanceof OffsetDateTime;
    }

    private static Object convertLike(String s, Object like) {
        if (like instanceof Integer || like instanceof Long || like instanceof Short) {
            String t = s.trim();
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                return Cast.toDecimal(t);
            }
        }
        if (like instanceof BigDecimal) {
            return Cast.toDecimal(s);
        }
        if (like instanceof Double || like instanceof Float) {
            return Cast.toDouble(s);
        }
        if (like instanceof Boolean) {
            return Cast.toBoolean(s);
        }
        if (like instanceof LocalDate) {
            return Cast.toDate(s);
        }
        if (like instanceof LocalDateTime) {
            return Cast.toTimestamp(s);
        }
        if (like instanceof LocalTime) {
            return Cast.toTime(s);
        }
        if (like instanceof OffsetDateTime) {
            return Cast.toTimestampTz(s);
        }
        if (like instanceof UUID) {
            return Cast.toUuid(s);
        }
        if (like instanceof byte[]) {
            return Cast.toBytes(s);
        }
        if (like instanceof JsonValue) {
            return JsonValue.parse(s);
        }
        throw new RecallException(ErrorCode.TYPE_MISMATCH, "Cannot compare text with " + typeName(like));
    }

    private static int compareNumbers(Number a, Number b) {
        boolean aInt = a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof Byte;
        boolean bInt = b instanceof Integer || b instanceof Long || b instanceof Short || b instanceof Byte;
        if (aInt && bInt) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if ((a instanceof Double || a instanceof Float) && (b instanceof Double || b instanceof Float || bInt)) {
            return compareDoubles(a.doubleValue(), b.doubleValue());
        }
        if ((b instanceof Double || b instanceof Float) && aInt) {
            return compareDoubles(a.doubleValue(), b.doubleValue());
        }
        double da = a.doubleValue();
        double db = b.doubleValue();
        if (Double.isNaN(da) || Double.isInfinite(da) || Double.isNaN(db) || Double.isInfinite(db)) {
            return compareDoubles(da, db);
        }
        return Cast.toDecimal(a).compareTo(Cast.toDecimal(b));
    }

    // SQL's -0.0 equals 0.0, which Double.compare and Double.equals deny; NaN stays equal to itself and above all
    private static int compareDoubles(double x, double y) {
        return x == y ? 0 : Double.compare(x, y);
    }

    /** SQL equality of two non-null values; unlike {@link Object#equals} it ignores Java class and decimal scale. */
    public static boolean equal(Object a, Object b) {
        if (a instanceof JsonValue || b instanceof JsonValue) {
            return Cast.toJson(a).equals(Cast.toJson(b));
        }
        if (a.getClass() == b.getClass() && !(a instanceof BigDecimal) && !(a instanceof byte[])
                && !(a instanceof OffsetDateTime) && !(a instanceof Double) && !(a instanceof Float)) {
            return a.equals(b);
        }
        return compare(a, b) == 0;
    }

    public static String typeName(Object v) {
        if (v == null) {
            return "NULL";
        }
        for (SqlType t : SqlType.values()) {
            if (t.javaClass().isInstance(v) && t != SqlType.UNKNOWN) {
                return t.sqlName();
            }
        }
        return v.getClass().getSimpleName();
    }

    /** The SQL type a Java value has when no column declares one (literals and parameters). */
    public static ColumnType typeOf(Object v) {
        if (v == null) {
            return ColumnType.UNKNOWN;
        }
        if (v instanceof Integer) {
            return ColumnType.INTEGER;
        }
        if (v instanceof Long) {
            return ColumnType.BIGINT;
        }
        if (v instanceof String) {
            return ColumnType.VARCHAR;
        }
        if (v instanceof BigDecimal) {
            return ColumnType.DECIMAL;
        }
        if (v instanceof Double) {
            return ColumnType.DOUBLE;
        }
        if (v instanceof Float) {
            return ColumnType.REAL;
        }
        if (v instanceof Boolean) {
            return ColumnType.BOOLEAN;
        }
        if (v instanceof LocalDate) {
            return ColumnType.DATE;
        }
        if (v instanceof LocalTime) {
            return ColumnType.TIME;
        }
        if (v instanceof LocalDateTime) {
            return ColumnType.TIMESTAMP;
        }
        if (v instanceof OffsetDateTime) {
            return ColumnType.TIMESTAMP_TZ;
        }
        if (v instanceof UUID) {
            return ColumnType.UUID;
        }
        if (v instanceof byte[]) {
            return ColumnType.VARBINARY;
        }
        if (v instanceof JsonValue) {
            return ColumnType.JSON;
        }
        if (v instanceof ArrayValue) {
            return ColumnType.arrayOf(ColumnType.UNKNOWN, 0);
        }
        if (v instanceof JavaObject) {
            return ColumnType.of(SqlType.JAVA_OBJECT);
        }
        return ColumnType.UNKNOWN;
    }
}
