package io.recall.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the workloads on one engine after another, each engine in a fresh in-memory database of its own
 * that is dropped before the next engine starts. A workload that fails (an error or a wrong answer) is
 * recorded and the run goes on.
 */
final class Runner {
    private final Rounds rounds;
    private final Scale scale;
    private final PrintStream log;

    Runner(Mode mode, Scale scale, PrintStream log) {
        this.rounds = new Rounds(mode);
        this.scale = scale;
        this.log = log;
    }

    /** Outcomes by workload name, in the order given. */
    Map<String, Outcome> run(BenchEngine engine, List<Supplier<Workload>> workloads) throws Exception {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Connection c = engine.open();
        try {
            Dataset data = new Dataset(c, scale);
            for (Supplier<Workload> factory : workloads) {
                Workload w = factory.get();
                Outcome outcome = measure(w, data);
                outcomes.put(w.name(), outcome);
                log.printf(Locale.ROOT, "  %-8s %-14s %s%n", engine.label(), w.name(),
                        outcome.ok() ? outcome.cell() + " ops/s" : outcome.failure());
            }
        } finally {
            engine.close(c);
        }
        return outcomes;
    }

    private Outcome measure(Workload w, Dataset data) {
        try {
            w.setUp(data);
            System.gc(); // each workload starts on a collected heap: garbage left by the one before is not charged to it
            return Outcome.measured(rounds.medianOpsPerSecond(w::run, w::afterRound));
        } catch (Exception e) {
            return Outcome.failed(e);
        } finally {
            closeQuietly(w);
        }
    }

    private void closeQuietly(Workload w) {
        try {
            w.tearDown();
        } catch (Exception e) {
            log.println("  (closing the statements of " + w.name() + " failed: " + e + ")");
        }
    }
}
