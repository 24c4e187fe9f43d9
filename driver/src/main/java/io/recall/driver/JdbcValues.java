package io.recall.driver;

import io.recall.parser.types.ArrayValue;
import io.recall.parser.types.JsonValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Converts the engine's canonical values (Integer, Long, BigDecimal, Float, Double, String,
 * Boolean, byte[], java.time, UUID) to what the ResultSet getters promise. Impossible conversions
 * fail with 22018, numbers that do not fit with 22003. Null handling is the caller's job.
 */
final class JdbcValues {
    private JdbcValues() {
    }

    /** The JDBC-standard object for a value: java.sql dates and times, everything else as stored. */
    static Object standard(Object v) {
        if (v instanceof LocalDate d) {
            return java.sql.Date.valueOf(d);
        } else if (v instanceof LocalTime t) {
            return time(t);
        } else if (v instanceof LocalDateTime t) {
            return Timestamp.valueOf(t);
        } else if (v instanceof byte[] b) {
            return b.clone();
        } else if (v instanceof JsonValue j) {
            return j.text();
        } else if (v instanceof ArrayValue a) {
            return new RecallArray(a, null);
        }
        return v;
    }

    static String text(Object v) {
        if (v instanceof String s) {
            return s;
        } else if (v instanceof BigDecimal d) {
            return d.toPlainString();
        } else if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        } else if (v instanceof byte[] b) {
            return HexFormat.of().formatHex(b);
        } else if (v instanceof LocalDateTime t) {
            return t.toLocalDate() + " " + timeText(t.toLocalTime());
        } else if (v instanceof LocalTime t) {
            return timeText(t);
        } else if (v instanceof OffsetDateTime t) {
            return t.toLocalDate() + " " + timeText(t.toLocalTime()) + (t.getOffset().getTotalSeconds() == 0
                    ? "+00:00" : t.getOffset().getId());
        }
        return v.toString();
    }

    private static String timeText(LocalTime t) {
        StringBuilder s = new StringBuilder(18);
        two(s, t.getHour()).append(':');
        two(s, t.getMinute()).append(':');
        two(s, t.getSecond());
        int nanos = t.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            s.append('.').append(fraction, 0, end);
        }
        return s.toString();
    }

    private static StringBuilder two(StringBuilder s, int n) {
        return s.append(n < 10 ? "0" : "").append(n);
    }

    static boolean bool(Object v) throws SQLException {
        if (v instanceof Boolean b) {
            return b;
        } else if (v instanceof Number n) {
            return decimal(n).signum() != 0;
        } else if (v instanceof String s) {
            String t = s.trim();
            if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("t") || t.equalsIgnoreCase("yes")
                    || t.equals("1")) {
                return true;
            }
            if (t.equalsIgnoreCase("false") || t.equalsIgnoreCase("f") || t.equalsIgnoreCase("no")
                    || t.equals("0")) {
                return false;
            }
        }
        throw cannotConvert(v, "BOOLEAN");
    }

    /** An integral value in [min, max]; fractions are rounded half up. */
    static long integral(Object v, long min, long max, String target) throws SQLException {
        long result;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            result = ((Number) v).longValue();
        } else if (v instanceof Boolean b) {
            result = b ? 1 : 0;
        } else {
            BigDecimal d = v instanceof String s ? parseDecimal(s, target) : decimal(v);
            d = d.setScale(0, RoundingMode.HALF_UP);
            if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw outOfRange(v, target);
            }
            return d.longValue();
        }
        if (result < min || result > max) {
            throw outOfRange(v, target);
        }
        return result;
    }

    static double floating(Object v, boolean single) throws SQLException {
        double d;
        if (v instanceof Number n && !(v instanceof BigDecimal)) {
            d = n.doubleValue();
        } else if (v instanceof Boolean b) {
            d = b ? 1 : 0;
        } else if (v instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw cannotConvert(v, single ? "REAL" : "DOUBLE");
            }
        } else {
            d = decimal(v).doubleValue();
        }
        if (single && Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) {
            throw outOfRange(v, "REAL");
        }
        return d;
    }

    static BigDecimal decimal(Object v) throws SQLException {
        if (v instanceof BigDecimal d) {
            return d;
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        } else if (v instanceof Float || v instanceof Double) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw outOfRange(v, "DECIMAL");
            }
            return v instanceof Float f ? new BigDecimal(f.toString()) : BigDecimal.valueOf(d);
        } else if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        } else if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        } else if (v instanceof String s) {
            return parseDecimal(s, "DECIMAL");
        }
        throw cannotConvert(v, "DECIMAL");
    }

    private static BigDecimal parseDecimal(String s, String target) throws SQLException {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw cannotConvert(s, target);
        }
    }

    static byte[] bytes(Object v) throws SQLException {
        if (v instanceof byte[] b) {
            return b.clone();
        } else if (v instanceof io.recall.parser.types.JavaObject j) {
            return j.bytes();
        } else if (v instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        } else if (v instanceof UUID u) {
            return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                    .putLong(u.getLeastSignificantBits()).array();
        }
        throw cannotConvert(v, "BINARY");
    }

    static LocalDate localDate(Object v) throws SQLException {
        if (v instanceof LocalDate d) {
            return d;
        } else if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        } else if (v instanceof OffsetDateTime t) {
            return localDateTime(t).toLocalDate();
        } else if (v instanceof String s) {
            return localDateTime(s).toLocalDate();
        }
        throw cannotConvert(v, "DATE");
    }

    static LocalTime localTime(Object v) throws SQLException {
        if (v instanceof LocalTime t) {
            return t;
        } else if (v instanceof LocalDateTime t) {
            return t.toLocalTime();
        } else if (v instanceof OffsetDateTime t) {
            return localDateTime(t).toLocalTime();
        } else if (v instanceof String s) {
            try {
                return LocalTime.parse(s.trim());
            } catch (DateTimeParseException e) {
                return localDateTime(s).toLocalTime();
            }
        }
        throw cannotConvert(v, "TIME");
    }

    static LocalDateTime localDateTime(Object v) throws SQLException {
        if (v instanceof LocalDateTime t) {
            return t;
        } else if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        } else if (v instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        } else if (v instanceof String s) {
            return parseDateTime(s);
        }
        throw cannotConvert(v, "TIMESTAMP");
    }

    static OffsetDateTime offsetDateTime(Object v) throws SQLException {
        if (v instanceof OffsetDateTime t) {
            return t;
        } else if (v instanceof String s) {
            String t = s.trim().replace(' ', 'T');
            try {
                return OffsetDateTime.parse(t);
            } catch (DateTimeParseException e) {
                return parseDateTime(s).atZone(ZoneId.systemDefault()).toOffsetDateTime();
            }
        }
        return localDateTime(v).atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private static LocalDateTime parseDateTime(String s) throws SQLException {
        String t = s.trim();
        try {
            return t.length() <= 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw cannotConvert(s, "TIMESTAMP");
        }
    }

    static UUID uuid(Object v) throws SQLException {
        if (v instanceof UUID u) {
            return u;
        } else if (v instanceof String s) {
            try {
                return UUID.fromString(s.trim());
            } catch (IllegalArgumentException e) {
                throw cannotConvert(v, "UUID");
            }
        } else if (v instanceof byte[] b && b.length == 16) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
            return new UUID(buf.getLong(), buf.getLong());
        }
        throw cannotConvert(v, "UUID");
    }

    /** java.sql.Time keeps milliseconds, which Time.valueOf(LocalTime) would drop. */
    static Time time(LocalTime t) {
        Time time = Time.valueOf(t);
        return new Time(time.getTime() + t.getNano() / 1_000_000);
    }

    /** The value as an instance of {@code type}, for {@code getObject(int, Class)}; v is not null. */
    static <T> T as(Object stored, Class<T> type) throws SQLException {
        Object v = stored instanceof JsonValue j ? j.text() : stored;
        Object r;
        if (type == String.class) {
            r = text(v);
        } else if (type == Integer.class) {
            r = (int) integral(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
        } else if (type == Long.class) {
            r = integral(v, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
        } else if (type == Short.class) {
            r = (short) integral(v, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
        } else if (type == Byte.class) {
            r = (byte) integral(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
        } else if (type == Double.class) {
            r = floating(v, false);
        } else if (type == Float.class) {
            r = (float) floating(v, true);
        } else if (type == BigDecimal.class) {
            r = decimal(v);
        } else if (type == BigInteger.class) {
            r = decimal(v).toBigInteger();
        } else if (type == Boolean.class) {
            r = bool(v);
        } else if (type == byte[].class) {
            r = bytes(v);
        } else if (type == UUID.class) {
            r = uuid(v);
        } else {
            r = temporal(v, type);
        }
        return type.cast(r);
    }

    private static Object temporal(Object v, Class<?> type) throws SQLException {
        if (type == LocalDate.class) {
            return localDate(v);
        } else if (type == LocalTime.class) {
            return localTime(v);
        } else if (type == LocalDateTime.class) {
            return localDateTime(v);
        } else if (type == OffsetDateTime.class) {
            return offsetDateTime(v);
        } else if (type == ZonedDateTime.class) {
            return offsetDateTime(v).toZonedDateTime();
        } else if (type == Instant.class) {
            return offsetDateTime(v).toInstant();
        } else if (type == OffsetTime.class) {
            return offsetDateTime(v).toOffsetTime();
        } else if (type == java.sql.Date.class) {
            return java.sql.Date.valueOf(localDate(v));
        } else if (type == Time.class) {
            return time(localTime(v));
        } else if (type == Timestamp.class || type == java.util.Date.class) {
            return v instanceof OffsetDateTime t ? Timestamp.from(t.toInstant()) : Timestamp.valueOf(localDateTime(v));
        } else if (type.isInstance(v)) {
            return v;
        }
        Object standard = standard(v);
        if (type.isInstance(standard)) {
            return standard;
        }
        throw new SQLDataException("Cannot convert " + describe(v) + " to " + type.getName(),
                SqlExceptions.INVALID_CAST);
    }

    static SQLException cannotConvert(Object v, String target) {
        return new SQLDataException("Cannot convert " + describe(v) + " to " + target, SqlExceptions.INVALID_CAST);
    }

    static SQLException outOfRange(Object v, String target) {
        return new SQLDataException("Value " + describe(v) + " is out of range for " + target,
                SqlExceptions.OUT_OF_RANGE);
    }

    private static String describe(Object v) {
        String text = v instanceof byte[] b ? "X'" + HexFormat.of().formatHex(b) + "'" : String.valueOf(v);
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return text + " (" + v.getClass().getSimpleName() + ")";
    }
}
