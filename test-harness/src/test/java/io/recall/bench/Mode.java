package io.recall.bench;

import java.util.Locale;

/**
 * How long to measure: warm-up rounds, then measured rounds whose median is reported. A round runs
 * operations until its time is up (at least one).
 */
record Mode(String name, int warmups, long warmupMillis, int rounds, long roundMillis) {
    static final Mode SHORT = new Mode("short", 2, 1000, 5, 600);
    static final Mode FULL = new Mode("full", 5, 2000, 10, 2000);
    /** One operation per round, for the row-count check in the test suite. */
    static final Mode CHECK = new Mode("check", 0, 0, 1, 0);

    static Mode named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "short" -> SHORT;
            case "full" -> FULL;
            case "check" -> CHECK;
            default -> throw new IllegalArgumentException("unknown bench.mode " + name + " (short, full)");
        };
    }
}
