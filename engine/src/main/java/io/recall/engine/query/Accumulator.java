package io.recall.engine.query;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.query.AggregateCall;
import io.recall.parser.types.Cast;
import io.recall.parser.types.HashKey;
import io.recall.parser.types.SqlType;
import io.recall.parser.types.Values;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;

/**
 * The running state of one aggregate over one group. NULL inputs are skipped; SUM, AVG, MIN
 * and MAX of no values are NULL, COUNT of none is 0. Integer sums stay exact (a long until it
 * would overflow, then a decimal).
 */
final class Accumulator {
    private static final MathContext AVG_PRECISION = new MathContext(34, RoundingMode.HALF_UP);

    private final AggregateCall call;
    private final Set<Object> distinct;
    private long count;
    private long longSum;
    private BigDecimal decimalSum;
    private double doubleSum;
    private Object extreme;

    Accumulator(AggregateCall call) {
        this.call = call;
        this.distinct = call.distinct() ? new HashSet<>() : null;
    }

    void add(Object value) {
        if (call.kind() == AggregateCall.Kind.COUNT_ROWS) {
            count++;
            return;
        }
        if (value == null || distinct != null && !distinct.add(HashKey.of(value))) {
            return;
        }
        count++;
        switch (call.kind()) {
            case SUM, AVG -> addNumber(value);
            case MIN -> {
                if (extreme == null || Values.compare(value, extreme) < 0) {
                    extreme = value;
                }
            }
            case MAX -> {
                if (extreme == null || Values.compare(value, extreme) > 0) {
                    extreme = value;
                }
            }
            default -> {
            }
        }
    }

    private void addNumber(Object value) {
        if (value instanceof Double || value instanceof Float) {
            doubleSum += ((Number) value).doubleValue();
            decimalSum = null;
            return;
        }
        if (call.type().type() == SqlType.DOUBLE) {
            doubleSum += Cast.toDouble(value);
            return;
        }
        if ((value instanceof Integer || value instanceof Long) && decimalSum == null) {
            long v = ((Number) value).longValue();
            long r = longSum + v;
            if (((longSum ^ r) & (v ^ r)) >= 0) {
                longSum = r;
                return;
            }
            decimalSum = BigDecimal.valueOf(longSum);
        }
        if (decimalSum == null) {
            decimalSum = BigDecimal.valueOf(longSum);
        }
        decimalSum = decimalSum.add(Cast.toDecimal(value));
    }

    Object result() {
        return switch (call.kind()) {
            case COUNT_ROWS, COUNT -> count;
            case MIN, MAX -> extreme;
            case SUM -> count == 0 ? null : sum();
            case AVG -> count == 0 ? null : average();
            default -> throw new RecallException(ErrorCode.INTERNAL_ERROR, "No accumulator for " + call.kind());
        };
    }

    private Object sum() {
        SqlType t = call.type().type();
        if (t == SqlType.DOUBLE) {
            return doubleSum;
        }
        BigDecimal exact = decimalSum != null ? decimalSum : BigDecimal.valueOf(longSum);
        if (t == SqlType.BIGINT) {
            if (exact.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                    || exact.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
                throw new RecallException(ErrorCode.NUMERIC_OUT_OF_RANGE, "SUM is out of range for BIGINT");
            }
            return exact.longValueExact();
        }
        return exact;
    }

    private Object average() {
        if (call.type().type() == SqlType.DOUBLE) {
            return doubleSum / count;
        }
        BigDecimal exact = decimalSum != null ? decimalSum : BigDecimal.valueOf(longSum);
        BigDecimal avg = exact.divide(BigDecimal.valueOf(count), AVG_PRECISION).stripTrailingZeros();
        return avg.scale() < 0 ? avg.setScale(0) : avg;
    }
}
