package io.recall.fuzz;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The differential and self-checking query fuzzer. By default a bounded, deterministic run (a fixed seed,
 * 2,000 queries); {@code -Dfuzz.seed=N} changes the seed, {@code -Dfuzz.queries=N} the count, and
 * {@code -Dfuzz.minutes=M} runs for that long instead, {@code -Dfuzz.schemaSeed=S} replays the queries of
 * one schema as a failure names it (see TESTING.md).
 */
class DifferentialFuzzTest {
    private static final long DEFAULT_SEED = 20261123L;

    @Test
    void generatedQueriesAgreeWithH2AndWithThemselves() {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        double minutes = Double.parseDouble(System.getProperty("fuzz.minutes", "0"));
        long queries = minutes > 0 ? Long.MAX_VALUE : Long.getLong("fuzz.queries", 2000L);
        long millis = minutes > 0 ? (long) (minutes * 60_000) : Long.MAX_VALUE / 2;
        Long schemaSeed = Long.getLong("fuzz.schemaSeed");
        DifferentialFuzzer.Stats stats = new DifferentialFuzzer(seed, queries, millis, schemaSeed, System.out).run();
        assertTrue(stats.failures.isEmpty(), () -> "seed " + seed + ": " + stats + "\n\n"
                + String.join("\n\n", stats.failures.stream().map(Object::toString).toList()));
    }
}
