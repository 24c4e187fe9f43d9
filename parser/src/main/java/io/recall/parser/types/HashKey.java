package io.recall.parser.types;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * Canonical forms of values for hashing: two values of one type family that SQL calls equal
 * (1, 1L, 1.0, 1.00) get equal keys. Values of different families (text and numbers) are compared
 * by conversion, which hashing cannot do; {@link #compatible} says when hashing is exact.
 */
public final class HashKey {
    private static final double LONG_RANGE = 0x1p63;

    private HashKey() {
    }

    public static Object of(Object v) {
        if (v == null || v instanceof String || v instanceof Long) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                return d;
            }
            if (d == Math.rint(d) && Math.abs(d) < LONG_RANGE) {
                return (long) d;
            }
            return new BigDecimal(Double.toString(d)).stripTrailingZeros();
        }
        if (v instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            if (s.scale() <= 0 && s.precision() - s.scale() <= 18) {
                return s.longValueExact();
            }
            return s;
        }
        if (v instanceof byte[] b) {
            return ByteBuffer.wrap(b);
        }
        if (v instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return v;
    }

    /** A key for several values at once; null when any value is NULL (it can equal nothing). */
    public static Row ofRow(Object[] values) {
        Object[] keys = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                return null;
            }
            keys[i] = of(values[i]);
        }
        return new Row(keys);
    }

    /** A key for a whole row where NULLs are equal to each other (DISTINCT, GROUP BY, UNION). */
    public static Row ofRowNullsEqual(Object[] values) {
        Object[] keys = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            keys[i] = of(values[i]);
        }
        return new Row(keys);
    }

    /** True when values of these static types are equal exactly when their keys are equal. */
    public static boolean compatible(ColumnType a, ColumnType b) {
        SqlType x = a.type();
        SqlType y = b.type();
        if (x == SqlType.UNKNOWN || y == SqlType.UNKNOWN) {
            return false;
        }
        if (x.isNumeric() && y.isNumeric()) {
            return true;
        }
        if (x.isString() && y.isString()) {
            return x != SqlType.CHAR && y != SqlType.CHAR;
        }
        return x == y && x != SqlType.TIMESTAMP_TZ;
    }

    /** Several values compared at once, by content. */
    public static final class Row {
        private final Object[] keys;
        private final int hash;

        Row(Object[] keys) {
            this.keys = keys;
            this.hash = Arrays.hashCode(keys);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && r.hash == hash && Arrays.equals(keys, r.keys);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
