package io.recall.cluster.marshal;

import io.recall.cluster.CacheUniqueKeys;
import io.recall.engine.storage.BinaryKey;
import io.recall.engine.storage.CompositeKey;
import io.recall.parser.types.JsonValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.Random;
import java.util.UUID;

import static io.recall.cluster.marshal.Samples.assertSameRow;
import static io.recall.cluster.marshal.Samples.assertSameValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowCodecTest {
    private static Object[] roundTrip(Object... row) {
        byte[] bytes = RowCodec.encodeRow(row);
        assertEquals(RowCodec.VERSION, bytes[0]);
        Object[] back = RowCodec.decodeRow(bytes);
        assertSameRow(row, back);
        return back;
    }

    @Test
    void everyCanonicalClassAndNullComeBackEqualAndOfTheirClass() {
        roundTrip(Samples.everyClass());
        roundTrip();
        roundTrip((Object) null);
    }

    @Test
    void numbersKeepTheirEdgesAndSignOfZero() {
        Object[] back = roundTrip(-0.0d, 0.0d, -0.0f, 0.0f, Double.NaN, Float.NaN, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, Float.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1,
                Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        assertEquals(Double.doubleToRawLongBits(-0.0d), Double.doubleToRawLongBits((Double) back[0]));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits((Float) back[2]));
        assertNotEquals(back[0], back[1]);
    }

    @Test
    void decimalsKeepTheirScale() {
        Object[] row = {new BigDecimal("12.3400"), new BigDecimal("1E+5"), new BigDecimal("0.000"), BigDecimal.ZERO,
            new BigDecimal("-123456789012345678901234567890.123456789"),
            new BigDecimal(BigInteger.valueOf(Long.MIN_VALUE), 3), new BigDecimal(BigInteger.ONE.shiftLeft(63), -4),
            new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE), Integer.MAX_VALUE),
            new BigDecimal(BigInteger.TEN.pow(400).negate(), Integer.MIN_VALUE)};
        Object[] back = roundTrip(row);
        for (int i = 0; i < row.length; i++) {
            assertEquals(((BigDecimal) row[i]).scale(), ((BigDecimal) back[i]).scale());
        }
        assertNotEquals(new BigDecimal("12.34"), back[0]);
    }

    @Test
    void datesAndTimesKeepEveryFieldAndTheOffset() {
        Object[] back = roundTrip(LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH, LocalTime.MIN, LocalTime.MAX,
                LocalDateTime.MIN, LocalDateTime.MAX, OffsetDateTime.MIN, OffsetDateTime.MAX, Samples.INDIA,
                OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(-3, -25, -7)),
                OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC));
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), ((OffsetDateTime) back[9]).getOffset());
        // same instant, other offset: not equal, as the canonical class says
        OffsetDateTime utc = Samples.INDIA.withOffsetSameInstant(ZoneOffset.UTC);
        assertFalse(utc.equals(back[9]));
    }

    @Test
    void stringsOfEveryShapeComeBackEqual() {
        StringBuilder large = new StringBuilder();
        Random random = new Random(6);
        for (int i = 0; i < 300_000; i++) {
            large.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        roundTrip("", "a", "ascii only, 0123456789", "é", "naïve café", "日本語のテキスト", "emoji \uD83D\uDE00 pair",
                "\uD800", "a\uDC00b", "\uDBFF\uDFFF", "\u0000\u007F\u0080\u07FF\u0800\uFFFF", "x".repeat(1_000_000),
                large.toString());
        assertEquals(1 + 1 + 1 + 1 + 1 + 5, RowCodec.encodeRow(new Object[] {"hello"}).length, "ASCII costs a byte a char");
    }

    @Test
    void jsonComesBackWithItsMemberOrderAndNumberSpelling() {
        JsonValue doc = JsonValue.parse("{\"z\":1.50,\"a\":[{\"k\":null}],\"m\":\"\\u2603\"}");
        Object[] back = roundTrip(doc, JsonValue.parse("null"), JsonValue.parse("\"s\""));
        assertEquals("{\"z\":1.50,\"a\":[{\"k\":null}],\"m\":\"\u2603\"}", ((JsonValue) back[0]).text());
    }

    @Test
    void binaryValuesComeBackByContent() {
        byte[] large = new byte[3 << 20];
        new Random(7).nextBytes(large);
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        roundTrip(new byte[0], all, large, null);
    }

    @Test
    void keysComeBackEqualAndEqualKeysGiveEqualBytes() {
        for (Object key : Samples.keys()) {
            byte[] bytes = RowCodec.encodeKey(key);
            assertSameValue(key, RowCodec.decodeKey(bytes));
            Object again = RowCodec.decodeKey(bytes);
            assertArrayEquals(bytes, RowCodec.encodeKey(again), "equal keys, equal bytes: " + key);
        }
        assertSameValue(new byte[] {5, 6}, RowCodec.decodeKey(RowCodec.encodeKey(new byte[] {5, 6})));
    }

    @Test
    void aValueOfAnotherClassIsRefusedByName() {
        for (Object v : new Object[] {(short) 1, new Date(), new Object[] {1}, 'c', new StringBuilder("s"),
            new BigInteger("5")}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RowCodec.encodeRow(new Object[] {1, v}));
            assertTrue(e.getMessage().contains(v.getClass().getName()), e.getMessage());
            assertFalse(RowCodec.isValue(v));
            assertThrows(IllegalArgumentException.class, () -> RowCodec.encodeKey(v));
        }
    }

    @Test
    void corruptOrForeignBytesAreRefusedClearly() {
        byte[] good = RowCodec.encodeRow(Samples.everyClass());
        byte[] newer = good.clone();
        newer[0] = 2;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RowCodec.decodeRow(newer)).getMessage()
                .contains("format version 2"));
        for (int cut = 0; cut < good.length; cut++) {
            byte[] truncated = Arrays.copyOf(good, cut);
            assertThrows(IllegalArgumentException.class, () -> RowCodec.decodeRow(truncated), "cut at " + cut);
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThrows(IllegalArgumentException.class, () -> RowCodec.decodeRow(longer));
        assertThrows(IllegalArgumentException.class, () -> RowCodec.decodeRow(RowCodec.encodeKey(1L)));
        assertThrows(IllegalArgumentException.class, () -> RowCodec.decodeKey(good));
    }

    @Test
    void theMarshallerTakesExactlyRowsKeysUniqueEntriesAndText() throws Exception {
        RecallMarshaller m = new RecallMarshaller();
        Object[] handled = {
            new StoredRow(Samples.everyClass()), new StoredRow(new Object[0]),
            new CacheUniqueKeys.Entry("i1", "x"),
            new CacheUniqueKeys.Entry("i2", new CompositeKey(new Object[] {1, new BinaryKey(new byte[] {2})})),
            "catalog text\nCREATE TABLE \"T\" (\"A\" INTEGER)"
        };
        for (Object o : handled) {
            assertTrue(m.isMarshallable(o), o.toString());
            assertEquals(o, m.objectFromByteBuffer(m.objectToByteBuffer(o)));
        }
        for (Object key : Samples.keys()) {
            assertTrue(m.isMarshallable(key));
            assertSameValue(key, m.objectFromByteBuffer(m.objectToByteBuffer(key)));
        }
        StoredRow row = new StoredRow(Samples.everyClass());
        byte[] bytes = m.objectToByteBuffer(row);
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        StoredRow back = (StoredRow) m.objectFromByteBuffer(padded, 3, bytes.length);
        assertSameRow(row.values(), back.values());
        assertEquals(bytes.length, m.objectToBuffer(row).getLength());

        for (Object o : new Object[] {null, new Object[] {1}, (short) 1, new Object(), new Date()}) {
            assertFalse(m.isMarshallable(o));
            assertThrows(IllegalArgumentException.class, () -> m.objectToByteBuffer(o));
        }
    }
}
