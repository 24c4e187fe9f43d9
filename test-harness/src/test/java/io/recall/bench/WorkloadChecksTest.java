package io.recall.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Runs every benchmark workload once on a small data set, so the row-count checks are known to pass
// (and the SQL to run) on each engine; the benchmark itself is BenchmarkSuite, never part of the tests.
class WorkloadChecksTest {
    @Test
    void everyWorkloadAnswersRightOnEveryEngine() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Runner runner = new Runner(Mode.CHECK, Scale.SMALL, new PrintStream(log, true, StandardCharsets.UTF_8));
        for (BenchEngine engine : BenchEngine.values()) {
            Map<String, Outcome> outcomes = runner.run(engine, Workloads.ALL);
            assertEquals(Workloads.ALL.size(), outcomes.size());
            outcomes.forEach((name, outcome) -> assertTrue(outcome.ok(),
                    engine.label() + " " + name + ": " + outcome.failure()));
        }
    }

    @Test
    void aWrongCountFailsTheRun() {
        WrongAnswer e = assertThrows(WrongAnswer.class, () -> WrongAnswer.check("rows", 10, 9));
        assertEquals("rows: expected 10, got 9", e.getMessage());
        assertTrue(Outcome.failed(e).failure().startsWith("WRONG ANSWER"));
    }
}
