package io.recall.cluster.marshal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Prints what encoding plus decoding a typical six-column row costs (infinispan-16.md §13.2 measured 0.6 µs for
 * its probe codec on this row shape). A measurement, not a check: nothing is asserted on the time.
 */
class RowCodecCostTest {
    private static final int WARM_UP = 200_000;
    private static final int ROUNDS = 3;
    private static final int PER_ROUND = 300_000;

    @Test
    void printEncodeAndDecodeMicrosPerRow() {
        measure("Long, String, BigDecimal, Integer, LocalDate, Boolean",
                new Object[] {123_456L, "Ada Lovelace", new BigDecimal("1234.50"), 42, LocalDate.of(2024, 5, 17), true});
        measure("Long, String, BigDecimal, Integer, LocalDate, OffsetDateTime",
                new Object[] {123_456L, "Ada Lovelace", new BigDecimal("1234.50"), 42, LocalDate.of(2024, 5, 17),
                    Samples.INDIA});
    }

    private static void measure(String shape, Object[] row) {
        long sink = run(row, WARM_UP);
        StringBuilder rounds = new StringBuilder();
        double best = Double.MAX_VALUE;
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            sink += run(row, PER_ROUND);
            double micros = (System.nanoTime() - start) / 1000.0 / PER_ROUND;
            best = Math.min(best, micros);
            rounds.append(String.format(" %.3f", micros));
        }
        System.out.printf("RowCodec %s: %d bytes, encode+decode %.3f µs/row (best of rounds:%s) [%d]%n", shape,
                RowCodec.encodeRow(row).length, best, rounds, sink & 1);
    }

    private static long run(Object[] row, int times) {
        long sink = 0;
        for (int i = 0; i < times; i++) {
            byte[] bytes = RowCodec.encodeRow(row);
            sink += bytes.length + RowCodec.decodeRow(bytes).length;
        }
        return sink;
    }
}
