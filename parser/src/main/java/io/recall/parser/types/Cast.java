package io.recall.parser.types;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Converts a value to the canonical Java form of a column type, the way SQL's CAST and
 * assignment do: a value that does not fit fails with 22001/22003/22018 instead of being kept
 * in the wrong form.
 */
public final class Cast {
    private static final BigDecimal MIN_LONG = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

    private Cast() {
    }

    /** Assignment cast: strings longer than the column are an error, as in INSERT and UPDATE. */
    public static Object assign(Object value, ColumnType target) {
        return convert(value, target, false);
    }

    /** Explicit CAST: strings are truncated to the target length, as the standard says. */
    public static Object explicit(Object value, ColumnType target) {
        return convert(value, target, true);
    }

    private static Object convert(Object value, ColumnType target, boolean truncate) {
        if (value == null) {
            return null;
        }
        return switch (target.type()) {
            case BOOLEAN -> toBoolean(value);
            case SMALLINT -> checkedInt(toLong(value), Short.MIN_VALUE, Short.MAX_VALUE, target);
            case INTEGER -> checkedInt(toLong(value), Integer.MIN_VALUE, Integer.MAX_VALUE, target);
            case BIGINT -> toLong(value);
            case DECIMAL -> toDecimal(value, target);
            case REAL -> toReal(value);
            case DOUBLE -> toDouble(value);
            case CHAR -> padded(checkLength(toText(value), target, truncate), target);
            case VARCHAR, CLOB -> checkLength(toText(value), target, truncate);
            case BINARY, VARBINARY, BLOB -> checkLength(toBytes(value), target, truncate);
            case DATE -> toDate(value);
            case TIME -> toTime(value);
            case TIMESTAMP -> toTimestamp(value);
            case TIMESTAMP_TZ -> toTimestampTz(value);
            case UUID -> toUuid(value);
            case JSON -> toJson(value);
            case ARRAY -> toArray(value, target, truncate);
            case JAVA_OBJECT -> toJavaObject(value);
            case UNKNOWN -> value;
        };
    }

    public static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return isZero(n) ? Boolean.FALSE : Boolean.TRUE;
        }
        if (value instanceof String s) {
            switch (s.trim().toUpperCase()) {
                case "TRUE", "T", "YES", "Y", "ON", "1":
                    return Boolean.TRUE;
                case "FALSE", "F", "NO", "N", "OFF", "0":
                    return Boolean.FALSE;
                default:
                    break;
            }
        }
        throw cannotCast(value, "BOOLEAN");
    }

    private static boolean isZero(Number n) {
        if (n instanceof BigDecimal d) {
            return d.signum() == 0;
        }
        if (n instanceof Double || n instanceof Float) {
            return n.doubleValue() == 0.0;
        }
        return n.longValue() == 0;
    }

    public static long toLong(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal d) {
            return decimalToLong(d);
        }
        if (value instanceof BigInteger b) {
            return decimalToLong(new BigDecimal(b));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw outOfRange(value, "BIGINT");
            }
            return decimalToLong(BigDecimal.valueOf(d));
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof String s) {
            String t = s.trim();
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                try {
                    return decimalToLong(new BigDecimal(t));
                } catch (NumberFormatException e2) {
                    throw cannotCast(value, "BIGINT");
                }
            }
        }
        throw cannotCast(value, "BIGINT");
    }

    private static long decimalToLong(BigDecimal d) {
        BigDecimal rounded = d.setScale(0, RoundingMode.HALF_UP);
        if (rounded.compareTo(MIN_LONG) < 0 || rounded.compareTo(MAX_LONG) > 0) {
            throw outOfRange(d, "BIGINT");
        }
        return rounded.longValueExact();
    }

    private static Integer checkedInt(long v, long min, long max, ColumnType target) {
        if (v < min || v > max) {
            throw outOfRange(v, target.sqlName());
        }
        return (int) v;
    }

    public static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw outOfRange(value, "DECIMAL");
            }
            return new BigDecimal(Double.toString(d));
        }
        if (value instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (value instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw cannotCast(value, "DECIMAL");
            }
        }
        throw cannotCast(value, "DECIMAL");
    }

    private static BigDecimal toDecimal(Object value, ColumnType target) {
        BigDecimal d = toDecimal(value);
        if (target.length() == 0) {
            return d;
        }
        BigDecimal scaled = d.setScale(target.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > target.length() - target.scale()) {
            throw outOfRange(value, target.sqlName());
        }
        return scaled;
    }

    public static double toDouble(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw cannotCast(value, "DOUBLE PRECISION");
            }
        }
        throw cannotCast(value, "DOUBLE PRECISION");
    }

    private static Float toReal(Object value) {
        double d = toDouble(value);
        if (!Double.isInfinite(d) && Math.abs(d) > Float.MAX_VALUE) {
            throw outOfRange(value, "REAL");
        }
        return (float) d;
    }

    public static String toText(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof JavaObject) {
            throw cannotCast(value, "text");
        }
        if (value instanceof byte[] b) {
            return HexFormat.of().formatHex(b);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof Double d) {
            return formatDouble(d);
        }
        if (value instanceof Float f) {
            return formatDouble(f.doubleValue());
        }
        if (value instanceof LocalDateTime t) {
            return t.toString().replace('T', ' ');
        }
        if (value instanceof OffsetDateTime t) {
            return t.toLocalDateTime().toString().replace('T', ' ') + t.getOffset();
        }
        return value.toString();
    }

    private static String formatDouble(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d) + ".0";
        }
        return Double.toString(d);
    }

    private static String checkLength(String s, ColumnType target, boolean truncate) {
        int max = target.length();
        if (max > 0 && s.length() > max) {
            if (truncate) {
                return s.substring(0, max);
            }
            if (s.substring(max).isBlank()) {
                return s.substring(0, max);
            }
            throw new RecallException(ErrorCode.STRING_TOO_LONG,
                    "Value too long for type " + target.sqlName() + ": " + abbreviate(s));
        }
        return s;
    }

    private static String padded(String s, ColumnType target) {
        int n = target.length() > 0 ? target.length() : 1;
        if (s.length() >= n) {
            return s;
        }
        return s + " ".repeat(n - s.length());
    }

    private static byte[] checkLength(byte[] b, ColumnType target, boolean truncate) {
        int max = target.length();
        if (max > 0 && b.length > max) {
            if (truncate) {
                return java.util.Arrays.copyOf(b, max);
            }
            throw new RecallException(ErrorCode.STRING_TOO_LONG,
                    "Value too long for type " + target.sqlName() + ": " + b.length + " bytes");
        }
        return b;
    }

    public static byte[] toBytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof JavaObject j) {
            return j.bytes();
        }
        if (value instanceof String s) {
            String hex = s.trim();
            if (hex.startsWith("\\x")) {
                hex = hex.substring(2);
            }
            try {
                return HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                return s.getBytes(StandardCharsets.UTF_8);
            }
        }
        if (value instanceof UUID u) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(16);
            buf.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
            return buf.array();
        }
        throw cannotCast(value, "BINARY VARYING");
    }

    public static LocalDate toDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toLocalDate();
        }
        if (value instanceof String s) {
            String t = s.trim();
            try {
                if (t.length() > 10) {
                    return toTimestamp(t).toLocalDate();
                }
                return LocalDate.parse(t);
            } catch (DateTimeParseException | RecallException e) {
                throw badDateTime(value, "DATE");
            }
        }
        throw cannotCast(value, "DATE");
    }

    public static LocalTime toTime(Object value) {
        if (value instanceof LocalTime t) {
            return t;
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalTime();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toLocalTime();
        }
        if (value instanceof String s) {
            try {
                return LocalTime.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw badDateTime(value, "TIME");
            }
        }
        throw cannotCast(value, "TIME");
    }

    public static LocalDateTime toTimestamp(Object value) {
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (value instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime();
        }
        if (value instanceof String s) {
            String t = s.trim();
            try {
                if (t.length() == 10) {
                    return LocalDate.parse(t).atStartOfDay();
                }
                return LocalDateTime.parse(t.replace(' ', 'T'));
            } catch (DateTimeParseException e) {
                try {
                    return toTimestampTz(t).atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime();
                } catch (RecallException e2) {
                    throw badDateTime(value, "TIMESTAMP");
                }
            }
        }
        throw cannotCast(value, "TIMESTAMP");
    }

    public static OffsetDateTime toTimestampTz(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof LocalDateTime t) {
            return t.atZone(java.time.ZoneId.systemDefault()).toOffsetDateTime();
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay(java.time.ZoneId.systemDefault()).toOffsetDateTime();
        }
        if (value instanceof String s) {
            String t = s.trim().replace(' ', 'T');
            try {
                return OffsetDateTime.parse(t);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(t + ":00");
                } catch (DateTimeParseException e2) {
                    try {
                        return LocalDateTime.parse(t).atZone(java.time.ZoneId.systemDefault()).toOffsetDateTime();
                    } catch (DateTimeParseException e3) {
                        throw badDateTime(value, "TIMESTAMP WITH TIME ZONE");
                    }
                }
            }
        }
        throw cannotCast(value, "TIMESTAMP WITH TIME ZONE");
    }

    public static UUID toUuid(Object value) {
        if (value instanceof UUID u) {
            return u;
        }
        if (value instanceof String s) {
            try {
                return UUID.fromString(s.trim());
            } catch (IllegalArgumentException e) {
                throw cannotCast(value, "UUID");
            }
        }
        if (value instanceof byte[] b && b.length == 16) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
            return new UUID(buf.getLong(), buf.getLong());
        }
        throw cannotCast(value, "UUID");
    }

    /** Text is parsed as a JSON document (22P02 when it is none); a number or boolean becomes a JSON scalar. */
    public static JsonValue toJson(Object value) {
        if (value instanceof JsonValue j) {
            return j;
        }
        if (value instanceof String s) {
            return JsonValue.parse(s);
        }
        return JsonValue.scalar(value);
    }

    /**
     * Only bytes become a Java object (as in H2): their class is checked when the driver reads the value, never
     * here, since the engine does not deserialise.
     */
    private static JavaObject toJavaObject(Object value) {
        if (value instanceof JavaObject j) {
            return j;
        }
        if (value instanceof byte[] b) {
            return JavaObject.of(b);
        }
        throw cannotCast(value, "JAVA_OBJECT");
    }

    /** An array as it is, or text read as PostgreSQL's array literal (elements left as text). */
    public static ArrayValue toArray(Object value) {
        if (value instanceof ArrayValue v) {
            return v;
        }
        if (value instanceof String s) {
            return ArrayValue.parse(s);
        }
        throw cannotCast(value, "ARRAY");
    }

    /**
     * Each element cast to the element type (assignment or explicit, as the whole cast is); text is read as
     * PostgreSQL's array literal. More elements than the declared maximum is 2202F (explicit CAST drops the rest).
     */
    private static ArrayValue toArray(Object value, ColumnType target, boolean truncate) {
        ArrayValue a = toArray(value);
        int n = a.size();
        if (target.length() > 0 && n > target.length()) {
            if (!truncate) {
                throw new RecallException(ErrorCode.ARRAY_TOO_LONG, "An array of " + n + " elements is too long for "
                        + target.sqlName());
            }
            n = target.length();
        }
        ColumnType element = target.element();
        if (element == null || element.type() == SqlType.UNKNOWN) {
            return n == a.size() ? a : ArrayValue.wrap(java.util.Arrays.copyOf(a.toArray(), n));
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = convert(a.get(i), element, truncate);
        }
        return ArrayValue.wrap(out);
    }

    public static RecallException cannotCast(Object value, String type) {
        return new RecallException(ErrorCode.INVALID_CAST,
                "Cannot convert " + describe(value) + " to " + type);
    }

    private static RecallException outOfRange(Object value, String type) {
        return new RecallException(ErrorCode.NUMERIC_OUT_OF_RANGE,
                "Value out of range for type " + type + ": " + abbreviate(String.valueOf(value)));
    }

    private static RecallException badDateTime(Object value, String type) {
        return new RecallException(ErrorCode.INVALID_DATETIME,
                "Invalid " + type + " value: " + describe(value));
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "'" + abbreviate(s) + "'";
        }
        if (value instanceof byte[] b) {
            return "binary of " + b.length + " bytes";
        }
        return abbreviate(String.valueOf(value));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
