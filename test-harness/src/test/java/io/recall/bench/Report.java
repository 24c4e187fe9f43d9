package io.recall.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as Markdown: one row per workload with each engine's median ops/s and Recall's ratios. */
final class Report {
    private final Mode mode;
    private final List<BenchEngine> engines;
    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final Map<BenchEngine, Map<String, Outcome>> outcomes = new LinkedHashMap<>();
    private StoreFloor.Result floor;

    Report(Mode mode, List<BenchEngine> engines) {
        this.mode = mode;
        this.engines = engines;
    }

    void describe(Workload w) {
        descriptions.put(w.name(), w.description());
    }

    void add(BenchEngine engine, Map<String, Outcome> byWorkload) {
        outcomes.put(engine, byWorkload);
    }

    void floor(StoreFloor.Result result) {
        floor = result;
    }

    List<String> failures() {
        List<String> out = new ArrayList<>();
        outcomes.forEach((engine, byWorkload) -> byWorkload.forEach((name, o) -> {
            if (!o.ok()) {
                out.add(engine.label() + " " + name + ": " + o.failure());
            }
        }));
        return out;
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Mode %s: %d warm-up rounds of %d ms, median of %d rounds of %d ms;"
                        + " ops/s, 1 thread.%n%n", mode.name(), mode.warmups(), mode.warmupMillis(), mode.rounds(),
                mode.roundMillis()));
        sb.append("| workload |");
        engines.forEach(e -> sb.append(' ').append(e.label()).append(" |"));
        sb.append(" Recall/H2 | Recall/HSQLDB |\n|---|");
        engines.forEach(e -> sb.append("---:|"));
        sb.append("---:|---:|\n");
        descriptions.forEach((name, description) -> {
            sb.append("| ").append(name).append(": ").append(description).append(" |");
            engines.forEach(e -> sb.append(' ').append(outcome(e, name).cell()).append(" |"));
            sb.append(' ').append(ratio(outcome(BenchEngine.RECALL, name), outcome(BenchEngine.H2, name)))
                    .append(" | ").append(ratio(outcome(BenchEngine.RECALL, name), outcome(BenchEngine.HSQLDB, name)))
                    .append(" |\n");
        });
        if (floor != null) {
            sb.append(floorSection());
        }
        List<String> failures = failures();
        if (!failures.isEmpty()) {
            sb.append("\nFailures:\n");
            failures.forEach(f -> sb.append("- ").append(f).append('\n'));
        }
        return sb.toString();
    }

    private String floorSection() {
        Outcome select = outcome(BenchEngine.RECALL, "point-select");
        Outcome update = outcome(BenchEngine.RECALL, "update");
        Outcome transfer = outcome(BenchEngine.RECALL, "transfer");
        return String.format(Locale.ROOT, "%nFloor: Recall's store (LOCAL transactional Infinispan cache), same rows:%n%n"
                        + "| store operation | ops/s | Recall workload | Recall/floor |%n|---|---:|---|---:|%n"
                        + "| get (no transaction) | %,.0f | point-select | %s |%n"
                        + "| put in its own transaction | %,.0f | update | %s |%n"
                        + "| 5 puts in one transaction | %,.0f | transfer | %s |%n",
                floor.get(), select.ok() ? ratio(select.opsPerSecond() / floor.get()) : "-",
                floor.put(), update.ok() ? ratio(update.opsPerSecond() / floor.put()) : "-",
                floor.fivePuts(), transfer.ok() ? ratio(transfer.opsPerSecond() / floor.fivePuts()) : "-");
    }

    private Outcome outcome(BenchEngine engine, String workload) {
        Map<String, Outcome> byWorkload = outcomes.get(engine);
        Outcome o = byWorkload == null ? null : byWorkload.get(workload);
        return o == null ? new Outcome(Double.NaN, "not run") : o;
    }

    private static String ratio(Outcome recall, Outcome other) {
        return recall.ok() && other.ok() ? ratio(recall.opsPerSecond() / other.opsPerSecond()) : "-";
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, r < 0.1 ? "%.3f" : "%.2f", r);
    }

    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(mode.name() + "-report.md");
        Files.writeString(file, markdown(), StandardCharsets.UTF_8);
        return file;
    }
}
