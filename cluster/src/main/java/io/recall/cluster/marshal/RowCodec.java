package io.recall.cluster.marshal;

import io.recall.engine.storage.BinaryKey;
import io.recall.engine.storage.CompositeKey;
import io.recall.parser.types.ArrayValue;
import io.recall.parser.types.JavaObject;
import io.recall.parser.types.JsonValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/**
 * Recall's own binary form of stored rows and keys, for caches whose entries must marshal (disc and
 * replicated ones). A row is an {@code Object[]} of nulls and values in the canonical Java classes of the SQL
 * types ({@code SqlType.javaClass()}); a key is one such value, a {@link CompositeKey} or a {@link BinaryKey}.
 * Decoding gives back equal values of the same classes: a DECIMAL keeps its scale, a TIMESTAMP WITH TIME ZONE
 * its offset, a DOUBLE its sign of zero.
 *
 * <p>Layout: one format-version byte ({@link #VERSION}), then one item. An item is a tag byte and its payload:
 * <ul>
 *   <li>null, false, true: the tag alone;</li>
 *   <li>Integer, Long, DATE (epoch day): a zig-zag varint; TIME: its nano of day as a varint;
 *       TIMESTAMP: epoch day and nano of day; TIMESTAMP WITH TIME ZONE: those plus the offset's seconds;</li>
 *   <li>DECIMAL: the scale, then the unscaled value as a varint when it fits a long, else its two's-complement
 *       bytes with their length;</li>
 *   <li>REAL, DOUBLE, UUID: their raw bits, big-endian;</li>
 *   <li>String: its length in UTF-16 units, then its characters in UTF-8 (a lone surrogate, which only a Java
 *       string can hold, as the three bytes UTF-8 would give its code point, so every string comes back equal);</li>
 *   <li>byte[], BinaryKey: the length, then the bytes;</li>
 *   <li>JSON: its compact text as a String (parsed again when read);</li>
 *   <li>ARRAY: the number of elements, then each element as an item;</li>
 *   <li>JAVA_OBJECT: its serialized bytes with their length (never deserialised here);</li>
 *   <li>a row, a CompositeKey: the number of values, then each value as an item.</li>
 * </ul>
 * Equal keys encode to equal bytes (nothing depends on identity or hash order), which a file store's key index
 * relies on. The codec is stateless and thread-safe; it uses no reflection and boxes nothing it need not return.
 */
public final class RowCodec {
    /** The format version written first in every encoding; a decoder refuses any other. */
    public static final byte VERSION = 1;

    static final byte NULL = 0;
    static final byte FALSE = 1;
    static final byte TRUE = 2;
    static final byte INT = 3;
    static final byte LONG = 4;
    static final byte DECIMAL = 5;
    static final byte BIG_DECIMAL = 6;
    static final byte REAL = 7;
    static final byte DOUBLE = 8;
    static final byte STRING = 9;
    static final byte BYTES = 10;
    static final byte DATE = 11;
    static final byte TIME = 12;
    static final byte TIMESTAMP = 13;
    static final byte TIMESTAMP_TZ = 14;
    static final byte UUID_TAG = 15;
    static final byte COMPOSITE_KEY = 16;
    static final byte BINARY_KEY = 17;
    static final byte ROW = 18;
    /** Top-level items of {@link RecallMarshaller} that are neither rows nor keys. */
    static final byte UNIQUE_ENTRY = 19;
    static final byte JSON = 20;
    static final byte ARRAY = 21;
    static final byte JAVA_OBJECT = 22;

    private RowCodec() {
    }

    /** The bytes of a row: nulls and canonical values only. */
    public static byte[] encodeRow(Object[] row) {
        Writer w = new Writer(16 + 10 * row.length);
        w.writeByte(VERSION);
        w.writeByte(ROW);
        w.writeValues(row);
        return w.toByteArray();
    }

    /** The row {@link #encodeRow} encoded. */
    public static Object[] decodeRow(byte[] bytes) {
        Reader r = new Reader(bytes, 0, bytes.length);
        Object[] row = r.readRow();
        r.finish();
        return row;
    }

    /** The bytes of one key: a canonical value, a {@link CompositeKey} or a {@link BinaryKey}. */
    public static byte[] encodeKey(Object key) {
        Writer w = new Writer(32);
        w.writeByte(VERSION);
        w.writeValue(key);
        return w.toByteArray();
    }

    /** The key {@link #encodeKey} encoded. */
    public static Object decodeKey(byte[] bytes) {
        Reader r = new Reader(bytes, 0, bytes.length);
        Object key = r.readValue();
        r.finish();
        return key;
    }

    /** Whether {@link #encodeKey} takes this object (a null, too, which no cache holds on its own). */
    public static boolean isValue(Object v) {
        return v == null || v instanceof String || v instanceof Integer || v instanceof Long
                || v instanceof BigDecimal || v instanceof Boolean || v instanceof Double || v instanceof Float
                || v instanceof byte[] || v instanceof LocalDate || v instanceof LocalTime
                || v instanceof LocalDateTime || v instanceof OffsetDateTime || v instanceof UUID
                || v instanceof JsonValue || v instanceof ArrayValue || v instanceof JavaObject
                || v instanceof CompositeKey || v instanceof BinaryKey;
    }

    private static IllegalArgumentException unknownClass(Object v) {
        return new IllegalArgumentException("RowCodec cannot encode a value of class " + v.getClass().getName()
                + " (only the canonical classes of the SQL types, CompositeKey and BinaryKey)");
    }

    /** A growing buffer the items are written to. */
    static final class Writer {
        private byte[] buf;
        private int pos;

        Writer(int capacity) {
            buf = new byte[capacity];
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, pos);
        }

        private void ensure(int more) {
            if (pos + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
            }
        }

        void writeByte(int b) {
            ensure(1);
            buf[pos++] = (byte) b;
        }

        void writeValues(Object[] values) {
            writeVarLong(values.length);
            for (Object v : values) {
                writeValue(v);
            }
        }

        void writeValue(Object v) {
            if (v == null) {
                writeByte(NULL);
            } else if (v instanceof String s) {
                writeByte(STRING);
                writeString(s);
            } else if (v instanceof Integer i) {
                writeByte(INT);
                writeVarLong(zigZag(i));
            } else if (v instanceof Long l) {
                writeByte(LONG);
                writeVarLong(zigZag(l));
            } else if (v instanceof BigDecimal d) {
                writeDecimal(d);
            } else if (v instanceof Boolean b) {
                writeByte(b ? TRUE : FALSE);
            } else if (v instanceof Double d) {
                writeByte(DOUBLE);
                writeFixedLong(Double.doubleToRawLongBits(d));
            } else if (v instanceof Float f) {
                writeByte(REAL);
                writeFixedInt(Float.floatToRawIntBits(f));
            } else if (v instanceof byte[] b) {
                writeByte(BYTES);
                writeBytes(b);
            } else if (v instanceof LocalDate d) {
                writeByte(DATE);
                writeVarLong(zigZag(d.toEpochDay()));
            } else if (v instanceof LocalTime t) {
                writeByte(TIME);
                writeVarLong(t.toNanoOfDay());
            } else if (v instanceof LocalDateTime t) {
                writeByte(TIMESTAMP);
                writeDateTime(t);
            } else if (v instanceof OffsetDateTime t) {
                writeByte(TIMESTAMP_TZ);
                writeDateTime(t.toLocalDateTime());
                writeVarLong(zigZag(t.getOffset().getTotalSeconds()));
            } else if (v instanceof UUID u) {
                writeByte(UUID_TAG);
                writeFixedLong(u.getMostSignificantBits());
                writeFixedLong(u.getLeastSignificantBits());
            } else if (v instanceof JsonValue j) {
                writeByte(JSON);
                writeString(j.text());
            } else if (v instanceof JavaObject j) {
                writeByte(JAVA_OBJECT);
                writeBytes(j.bytes());
            } else if (v instanceof ArrayValue a) {
                writeByte(ARRAY);
                writeVarLong(a.size());
                for (int i = 0; i < a.size(); i++) {
                    writeValue(a.get(i));
                }
            } else if (v instanceof CompositeKey k) {
                writeByte(COMPOSITE_KEY);
                writeVarLong(k.size());
                for (int i = 0; i < k.size(); i++) {
                    writeValue(k.part(i));
                }
            } else if (v instanceof BinaryKey k) {
                writeByte(BINARY_KEY);
                writeBytes(k.bytes());
            } else {
                throw unknownClass(v);
            }
        }

        private void writeDecimal(BigDecimal d) {
            BigInteger unscaled = d.unscaledValue();
            if (unscaled.bitLength() < 64) {
                writeByte(DECIMAL);
                writeVarLong(zigZag(d.scale()));
                writeVarLong(zigZag(unscaled.longValue()));
            } else {
                writeByte(BIG_DECIMAL);
                writeVarLong(zigZag(d.scale()));
                writeBytes(unscaled.toByteArray());
            }
        }

        private void writeDateTime(LocalDateTime t) {
            writeVarLong(zigZag(t.toLocalDate().toEpochDay()));
            writeVarLong(t.toLocalTime().toNanoOfDay());
        }

        private void writeBytes(byte[] b) {
            writeVarLong(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        /** UTF-16 length, then UTF-8 (WTF-8 for lone surrogates): ASCII costs one byte a character. */
        private void writeString(String s) {
            int n = s.length();
            writeVarLong(n);
            ensure(n);
            int i = 0;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                buf[pos++] = (byte) c;
            }
            if (i == n) {
                return;
            }
            ensure((n - i) * 3);
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    buf[pos++] = (byte) c;
                } else if (c < 0x800) {
                    buf[pos++] = (byte) (0xC0 | c >> 6);
                    buf[pos++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    buf[pos++] = (byte) (0xF0 | cp >> 18);
                    buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    buf[pos++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    buf[pos++] = (byte) (0xE0 | c >> 12);
                    buf[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
                    buf[pos++] = (byte) (0x80 | c & 0x3F);
                }
            }
        }

        void writeVarLong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[pos++] = (byte) (v & 0x7F | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
        }

        private void writeFixedInt(int v) {
            ensure(4);
            buf[pos++] = (byte) (v >>> 24);
            buf[pos++] = (byte) (v >>> 16);
            buf[pos++] = (byte) (v >>> 8);
            buf[pos++] = (byte) v;
        }

        private void writeFixedLong(long v) {
            writeFixedInt((int) (v >>> 32));
            writeFixedInt((int) v);
        }

        private static long zigZag(long v) {
            return v << 1 ^ v >> 63;
        }
    }

    /** Reads items from a byte range that starts with the format version. */
    static final class Reader {
        private final byte[] buf;
        private final int end;
        private int pos;

        Reader(byte[] buf, int offset, int length) {
            if (length < 2 || offset < 0 || offset + length > buf.length) {
                throw corrupt("too short");
            }
            this.buf = buf;
            this.pos = offset;
            this.end = offset + length;
            byte version = buf[pos++];
            if (version != VERSION) {
                throw new IllegalArgumentException("Stored value has format version " + version
                        + "; this Recall reads version " + VERSION);
            }
        }

        /** The tag of the next item, not consumed. */
        byte peekTag() {
            return buf[pos];
        }

        /** Fails unless every byte was read. */
        void finish() {
            if (pos != end) {
                throw corrupt((end - pos) + " bytes left over");
            }
        }

        Object[] readRow() {
            expect(ROW);
            return readValues();
        }

        void expect(byte tag) {
            if (readByte() != tag) {
                throw corrupt("expected tag " + tag + " at offset " + (pos - 1));
            }
        }

        private Object[] readValues() {
            Object[] values = new Object[readLength()];
            for (int i = 0; i < values.length; i++) {
                values[i] = readValue();
            }
            return values;
        }

        Object readValue() {
            byte tag = readByte();
            return switch (tag) {
                case NULL -> null;
                case FALSE -> Boolean.FALSE;
                case TRUE -> Boolean.TRUE;
                case INT -> (int) unZigZag(readVarLong());
                case LONG -> unZigZag(readVarLong());
                case DECIMAL -> readSmallDecimal();
                case BIG_DECIMAL -> readBigDecimal();
                case REAL -> Float.intBitsToFloat(readFixedInt());
                case DOUBLE -> Double.longBitsToDouble(readFixedLong());
                case STRING -> readString();
                case BYTES -> readBytes();
                case DATE -> LocalDate.ofEpochDay(unZigZag(readVarLong()));
                case TIME -> LocalTime.ofNanoOfDay(readVarLong());
                case TIMESTAMP -> readDateTime();
                case TIMESTAMP_TZ -> readOffsetDateTime();
                case UUID_TAG -> new UUID(readFixedLong(), readFixedLong());
                case COMPOSITE_KEY -> new CompositeKey(readValues());
                case BINARY_KEY -> new BinaryKey(readBytes());
                case JSON -> JsonValue.parse(readString());
                case ARRAY -> ArrayValue.wrap(readValues());
                case JAVA_OBJECT -> JavaObject.of(readBytes());
                default -> throw corrupt("unknown tag " + tag + " at offset " + (pos - 1));
            };
        }

        private BigDecimal readSmallDecimal() {
            int scale = (int) unZigZag(readVarLong());
            return BigDecimal.valueOf(unZigZag(readVarLong()), scale);
        }

        private BigDecimal readBigDecimal() {
            int scale = (int) unZigZag(readVarLong());
            return new BigDecimal(new BigInteger(readBytes()), scale);
        }

        private LocalDateTime readDateTime() {
            LocalDate date = LocalDate.ofEpochDay(unZigZag(readVarLong()));
            return LocalDateTime.of(date, LocalTime.ofNanoOfDay(readVarLong()));
        }

        private OffsetDateTime readOffsetDateTime() {
            LocalDateTime t = readDateTime();
            return OffsetDateTime.of(t, ZoneOffset.ofTotalSeconds((int) unZigZag(readVarLong())));
        }

        String readString() {
            int n = readLength();
            int ascii = 0;
            while (ascii < n && buf[pos + ascii] >= 0) {
                ascii++;
            }
            if (ascii == n) {
                String s = new String(buf, pos, n, StandardCharsets.ISO_8859_1);
                pos += n;
                return s;
            }
            char[] chars = new char[n];
            int i = 0;
            while (i < n) {
                int b = readByte() & 0xFF;
                if (b < 0x80) {
                    chars[i++] = (char) b;
                } else if (b < 0xC0 || b >= 0xF8) {
                    throw corrupt("bad UTF-8 at offset " + (pos - 1));
                } else if (b < 0xE0) {
                    chars[i++] = (char) ((b & 0x1F) << 6 | continuation());
                } else if (b < 0xF0) {
                    chars[i++] = (char) ((b & 0x0F) << 12 | continuation() << 6 | continuation());
                } else {
                    int cp = (b & 0x07) << 18 | continuation() << 12 | continuation() << 6 | continuation();
                    if (i + 2 > n) {
                        throw corrupt("string longer than its length");
                    }
                    chars[i++] = Character.highSurrogate(cp);
                    chars[i++] = Character.lowSurrogate(cp);
                }
            }
            return new String(chars);
        }

        private int continuation() {
            int b = readByte() & 0xFF;
            if ((b & 0xC0) != 0x80) {
                throw corrupt("bad UTF-8 at offset " + (pos - 1));
            }
            return b & 0x3F;
        }

        private byte[] readBytes() {
            int n = readLength();
            byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return b;
        }

        /** A count of bytes, characters or values: each takes at least one byte, so no more than are left. */
        private int readLength() {
            long n = readVarLong();
            if (n < 0 || n > end - pos) {
                throw corrupt("length " + n + " past the end");
            }
            return (int) n;
        }

        byte readByte() {
            if (pos >= end) {
                throw corrupt("truncated");
            }
            return buf[pos++];
        }

        private long readVarLong() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = readByte();
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw corrupt("varint too long");
        }

        private int readFixedInt() {
            if (end - pos < 4) {
                throw corrupt("truncated");
            }
            int v = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8
                    | buf[pos + 3] & 0xFF;
            pos += 4;
            return v;
        }

        private long readFixedLong() {
            return (long) readFixedInt() << 32 | readFixedInt() & 0xFFFFFFFFL;
        }

        private static long unZigZag(long v) {
            return v >>> 1 ^ -(v & 1);
        }

        private static IllegalArgumentException corrupt(String why) {
            return new IllegalArgumentException("Corrupt stored Recall value: " + why);
        }
    }
}
