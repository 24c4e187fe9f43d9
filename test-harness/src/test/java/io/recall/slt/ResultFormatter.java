package io.recall.slt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a JDBC value into the text SQLite's reference runner prints for a column type: {@code I} an integer
 * (other numbers truncated toward zero), {@code R} a number with three decimals, {@code T} the text with
 * every byte outside printable ASCII shown as {@code @}. NULL is {@code NULL} and an empty text
 * {@code (empty)}. SQLite has no booleans: true and false print as 1 and 0.
 */
final class ResultFormatter {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final Pattern LEADING_REAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private ResultFormatter() {
    }

    static String format(Object value, char type) {
        if (value == null) {
            return "NULL";
        }
        return switch (type) {
            case 'I' -> Long.toString(asLong(value));
            case 'R' -> threeDecimals(asDouble(value));
            case 'T' -> printable(asText(value));
            default -> throw new IllegalArgumentException("unknown column type " + type);
        };
    }

    static long asLong(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof BigDecimal d) {
            return clamp(d.toBigInteger());
        }
        if (value instanceof BigInteger i) {
            return clamp(i);
        }
        if (value instanceof Number n) {
            // (long) of a double truncates toward zero and saturates, as SQLite's conversion does
            return value instanceof Double || value instanceof Float ? (long) n.doubleValue() : n.longValue();
        }
        return leadingInteger(asText(value));
    }

    static double asDouble(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return leadingReal(asText(value));
    }

    /** SQLite's printf("%.3f") rounds the binary value half up, and keeps the sign of a negative that rounds to 0. */
    static String threeDecimals(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        BigDecimal rounded = new BigDecimal(d).setScale(3, RoundingMode.HALF_UP);
        String text = rounded.toPlainString();
        return d < 0 && rounded.signum() == 0 ? "-" + text : text;
    }

    static String asText(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof Double || value instanceof Float) {
            return realText(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return value.toString();
    }

    /** SQLite's text of a REAL: 15 significant digits, and always a decimal point. */
    private static String realText(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        String text = new BigDecimal(d).round(new MathContext(15)).stripTrailingZeros().toPlainString();
        return text.contains(".") ? text : text + ".0";
    }

    /** The reference runner replaces each byte outside 0x20..0x7e, so a two-byte UTF-8 character gives "@@". */
    static String printable(String text) {
        if (text.isEmpty()) {
            return "(empty)";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp <= 0x7e) {
                out.append((char) cp);
            } else {
                out.append("@".repeat(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length));
            }
        });
        return out.toString();
    }

    private static long clamp(BigInteger i) {
        return i.max(LONG_MIN).min(LONG_MAX).longValue();
    }

    /** SQLite reads the integer a text starts with: " 12abc" is 12, "abc" is 0. */
    private static long leadingInteger(String text) {
        String t = text.strip();
        int end = 0;
        if (end < t.length() && (t.charAt(end) == '-' || t.charAt(end) == '+')) {
            end++;
        }
        int digitsFrom = end;
        while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
        }
        if (end == digitsFrom) {
            return 0;
        }
        return clamp(new BigInteger(t.substring(0, end)));
    }

    /** SQLite reads the number a text starts with: "1.5abc" is 1.5, "abc" is 0. */
    private static double leadingReal(String text) {
        Matcher m = LEADING_REAL.matcher(text.strip());
        return m.lookingAt() ? Double.parseDouble(m.group()) : 0;
    }
}
