package io.recall.bench;

import java.util.Arrays;

/** Times an operation in rounds and returns the median ops/s of the measured rounds. */
final class Rounds {
    interface Op {
        void run(long i) throws Exception;
    }

    interface Step {
        void run() throws Exception;
    }

    private final Mode mode;

    Rounds(Mode mode) {
        this.mode = mode;
    }

    /** Warm-up rounds, then the measured ones; {@code afterRound} runs untimed after every round. */
    double medianOpsPerSecond(Op op, Step afterRound) throws Exception {
        long i = 0;
        for (int w = 0; w < mode.warmups(); w++) {
            i = round(op, i, mode.warmupMillis(), null);
            afterRound.run();
        }
        double[] rates = new double[mode.rounds()];
        for (int r = 0; r < rates.length; r++) {
            double[] rate = new double[1];
            i = round(op, i, mode.roundMillis(), rate);
            rates[r] = rate[0];
            afterRound.run();
        }
        Arrays.sort(rates);
        int mid = rates.length / 2;
        return rates.length % 2 == 1 ? rates[mid] : (rates[mid - 1] + rates[mid]) / 2;
    }

    /** Runs operations from number {@code first} for {@code millis}; returns the next number. */
    private static long round(Op op, long first, long millis, double[] rate) throws Exception {
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        long i = first;
        do {
            op.run(i++);
        } while (System.nanoTime() < end);
        long elapsed = System.nanoTime() - start;
        if (rate != null) {
            rate[0] = (i - first) * 1e9 / elapsed;
        }
        return i;
    }
}
