package io.recall.driver;

import io.recall.parser.types.ArrayValue;
import io.recall.parser.types.SqlType;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.UUID;

/**
 * Converts what applications hand to PreparedStatement setters into the engine's canonical values
 * (java.sql dates become java.time, Short becomes Integer, streams are read fully, ...). The engine
 * casts the canonical value to the column type; a class Recall cannot take fails with 22018.
 */
final class ParameterValues {
    private ParameterValues() {
    }

    /**
     * As {@link #canonical(Object)}, and an object of a class the connection lists in {@code java_classes} becomes
     * a JAVA_OBJECT value; any other serializable object is refused naming the property (22023).
     */
    static Object canonical(Object x, JavaObjects javaObjects) throws SQLException {
        if (x != null && javaObjects.listed(x)) {
            return javaObjects.encode(x);
        }
        try {
            return canonical(x);
        } catch (SQLDataException e) {
            if (x instanceof java.io.Serializable && SqlExceptions.INVALID_CAST.equals(e.getSQLState())
                    && !x.getClass().getName().startsWith("java.")) {
                throw javaObjects.encodeRefusal(x);
            }
            throw e;
        }
    }

    static Object canonical(Object x) throws SQLException {
        if (x == null || x instanceof Integer || x instanceof Long || x instanceof BigDecimal || x instanceof Float
                || x instanceof Double || x instanceof String || x instanceof Boolean || x instanceof LocalDate
                || x instanceof LocalTime || x instanceof LocalDateTime || x instanceof OffsetDateTime
                || x instanceof UUID) {
            return x;
        } else if (x instanceof Short || x instanceof Byte) {
            return ((Number) x).intValue();
        } else if (x instanceof BigInteger i) {
            return new BigDecimal(i);
        } else if (x instanceof byte[] b) {
            return b.clone();
        } else if (x instanceof Character || x instanceof char[]) {
            return x instanceof char[] c ? new String(c) : x.toString();
        } else if (x instanceof RecallArray a) {
            return a.value();
        } else if (x instanceof java.sql.Array a) {
            return array(a.getArray());
        } else if (x.getClass().isArray()) {
            return array(x);
        }
        return temporalOrLarge(x);
    }

    /**
     * A Java array (of objects or of a primitive type other than byte and char, which are binary and text) as an
     * ARRAY value of canonical elements; the engine casts them to the column's element type.
     */
    static ArrayValue array(Object javaArray) throws SQLException {
        if (javaArray == null) {
            return null;
        }
        if (!javaArray.getClass().isArray()) {
            throw new SQLDataException("An ARRAY value must be a Java array, not " + javaArray.getClass().getName(),
                    SqlExceptions.INVALID_CAST);
        }
        int n = java.lang.reflect.Array.getLength(javaArray);
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            Object e = java.lang.reflect.Array.get(javaArray, i);
            if (e != null && (e instanceof java.sql.Array || e.getClass().isArray() && !(e instanceof byte[])
                    && !(e instanceof char[]))) {
                throw SqlExceptions.notSupported("Arrays of arrays");
            }
            out[i] = canonical(e);
        }
        return ArrayValue.wrap(out);
    }

    private static Object temporalOrLarge(Object x) throws SQLException {
        if (x instanceof java.sql.Date d) {
            return d.toLocalDate();
        } else if (x instanceof Time t) {
            return localTime(t);
        } else if (x instanceof Timestamp t) {
            return t.toLocalDateTime();
        } else if (x instanceof java.util.Date d) {
            return LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault());
        } else if (x instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        } else if (x instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        } else if (x instanceof Calendar c) {
            return LocalDateTime.ofInstant(c.toInstant(), c.getTimeZone().toZoneId());
        } else if (x instanceof Reader r) {
            return read(r, -1);
        } else if (x instanceof InputStream in) {
            return read(in, -1);
        } else if (x instanceof Clob c) {
            return read(c.getCharacterStream(), -1);
        } else if (x instanceof Blob b) {
            return read(b.getBinaryStream(), -1);
        }
        throw new SQLDataException("Unsupported parameter type " + x.getClass().getName(),
                SqlExceptions.INVALID_CAST);
    }

    /** The canonical value, converted to the Recall type of a {@code java.sql.Types} target when there is one. */
    static Object canonical(Object x, int targetSqlType) throws SQLException {
        Object v = canonical(x);
        SqlType target = JdbcTypes.fromCode(targetSqlType);
        if (v == null || target == null || target.javaClass().isInstance(v)) {
            return v;
        }
        return switch (target) {
            case SMALLINT, INTEGER -> (int) JdbcValues.integral(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
            case VARCHAR -> JdbcValues.text(v);
            default -> canonical(JdbcValues.as(v, target.javaClass()));
        };
    }

    static LocalTime localTime(Time t) {
        return t.toLocalTime().withNano((int) Math.floorMod(t.getTime(), 1000L) * 1_000_000);
    }

    /** The date the millis name in the calendar's zone. */
    static LocalDate localDate(java.util.Date d, Calendar cal) {
        return Instant.ofEpochMilli(d.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalDate();
    }

    static LocalTime localTime(java.util.Date t, Calendar cal) {
        return Instant.ofEpochMilli(t.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalTime();
    }

    static LocalDateTime localDateTime(Timestamp t, Calendar cal) {
        return Instant.ofEpochMilli(t.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalDateTime()
                .withNano(t.getNanos());
    }

    /** Reads characters, all of them when {@code length < 0}. */
    static String read(Reader reader, long length) throws SQLException {
        if (reader == null) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        char[] buf = new char[8192];
        try {
            long left = length < 0 ? Long.MAX_VALUE : length;
            while (left > 0) {
                int n = reader.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                s.append(buf, 0, n);
                left -= n;
            }
        } catch (IOException e) {
            throw new SQLException("Cannot read the character stream: " + e.getMessage(), "HY000", e);
        }
        return s.toString();
    }

    /** Reads bytes, all of them when {@code length < 0}. */
    static byte[] read(InputStream in, long length) throws SQLException {
        if (in == null) {
            return null;
        }
        try {
            if (length < 0) {
                return in.readAllBytes();
            }
            if (length > Integer.MAX_VALUE - 8) {
                throw new SQLDataException("Stream length " + length + " is too large", SqlExceptions.OUT_OF_RANGE);
            }
            return in.readNBytes((int) length);
        } catch (IOException e) {
            throw new SQLException("Cannot read the stream: " + e.getMessage(), "HY000", e);
        }
    }

    static String read(InputStream in, long length, Charset charset) throws SQLException {
        byte[] bytes = read(in, length);
        return bytes == null ? null : new String(bytes, charset);
    }
}
