package io.recall.cluster.marshal;

import io.recall.engine.storage.BinaryKey;
import io.recall.engine.storage.CompositeKey;
import io.recall.parser.types.ArrayValue;
import io.recall.parser.types.JavaObject;
import io.recall.parser.types.JsonValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Values of every canonical class, and the check that a decoded row is the original, class by class. */
final class Samples {
    static final OffsetDateTime INDIA = OffsetDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_789,
            ZoneOffset.ofHoursMinutes(5, 30));

    private Samples() {
    }

    /** One value of each canonical class, with a null between. */
    static Object[] everyClass() {
        return new Object[] {
            null, Boolean.TRUE, Boolean.FALSE, 42, -7L, new BigDecimal("12.3400"), 1.5f, -2.25d, "text",
            new byte[] {0, -1, 127, -128}, LocalDate.of(1969, 12, 31), LocalTime.of(13, 14, 15, 999_999_999),
            LocalDateTime.of(2001, 9, 9, 1, 46, 40, 1), INDIA, UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
            JsonValue.parse("{\"b\": [1, 2.50, null, true], \"a\": \"x\u00e9\", \"c\": {}}"),
            ArrayValue.of(1, null, -3), ArrayValue.of("a b", "", null), ArrayValue.of(),
            ArrayValue.of(new BigDecimal("1.50"), LocalDate.of(2020, 2, 29)),
            JavaObject.of(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 0x73, 0x72, 0, 1, 'X'}),
            null
        };
    }

    /** Keys of every kind a table or unique cache uses: normalised scalars, composite and binary. */
    static List<Object> keys() {
        return List.of(
                1L, Long.MIN_VALUE, 17, "alpha", "", new BigDecimal("1E+3"), new BigDecimal("-0.5"), 0.0d, 2.5f,
                true, LocalDate.of(2020, 1, 1), LocalTime.MIDNIGHT, LocalDateTime.of(1900, 1, 1, 0, 0), INDIA,
                UUID.fromString("00000000-0000-0001-0000-000000000002"),
                new BinaryKey(new byte[] {1, 2, 3}), new BinaryKey(new byte[0]),
                new CompositeKey(new Object[] {7L, "b", new BinaryKey(new byte[] {9}), INDIA}),
                new CompositeKey(new Object[] {new BigDecimal("2.5"), LocalDate.of(2020, 5, 6), null}));
    }

    /** Same length, and at each position a value of the same class that equals (byte[] by content). */
    static void assertSameRow(Object[] expected, Object[] actual) {
        assertNotNull(actual);
        assertEquals(expected.length, actual.length, "row width");
        for (int i = 0; i < expected.length; i++) {
            assertSameValue(expected[i], actual[i]);
        }
    }

    static void assertSameValue(Object expected, Object actual) {
        if (expected == null) {
            assertNull(actual);
            return;
        }
        assertNotNull(actual, "null instead of " + expected);
        assertEquals(expected.getClass(), actual.getClass());
        if (expected instanceof byte[] b) {
            assertArrayEquals(b, (byte[]) actual);
        } else {
            assertEquals(expected, actual);
            assertEquals(expected.hashCode(), actual.hashCode());
            if (expected instanceof CompositeKey k) {
                CompositeKey a = (CompositeKey) actual;
                for (int i = 0; i < k.size(); i++) {
                    assertSameValue(k.part(i), a.part(i));
                }
            }
        }
    }
}
