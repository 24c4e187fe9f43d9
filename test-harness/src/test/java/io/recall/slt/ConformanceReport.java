package io.recall.slt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/** Totals, failure causes and failures of a gauge run, as a summary for stdout and a Markdown report. */
final class ConformanceReport {
    /** One cause of failure, how many records it failed and the first of them. */
    record Cause(String cause, int count, String example) {
    }

    private final Engine engine;
    private final String list;
    private final List<FileResult> files;
    private final Duration elapsed;

    ConformanceReport(Engine engine, String list, List<FileResult> files, Duration elapsed) {
        this.engine = engine;
        this.list = list;
        this.files = List.copyOf(files);
        this.elapsed = elapsed;
    }

    int passed() {
        return files.stream().mapToInt(FileResult::passed).sum();
    }

    int total() {
        return files.stream().mapToInt(FileResult::total).sum();
    }

    long count(RecordOutcome.Status status) {
        return files.stream().mapToLong(f -> f.count(status)).sum();
    }

    /** Causes by number of failed records, most frequent first. */
    List<Cause> causes() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> examples = new LinkedHashMap<>();
        for (FileResult file : files) {
            for (RecordOutcome failure : file.failures()) {
                counts.computeIfAbsent(failure.cause(), c -> new int[1])[0]++;
                examples.putIfAbsent(failure.cause(), failure.location());
            }
        }
        List<Cause> causes = new ArrayList<>();
        counts.forEach((cause, n) -> causes.add(new Cause(cause, n[0], examples.get(cause))));
        causes.sort(Comparator.comparingInt(Cause::count).reversed());
        return causes;
    }

    String summary(int topCauses) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "SQL conformance of %s on %s: %d scripts in %s%n", engine.sltName(),
                list, files.size(), seconds(elapsed)));
        out.append(String.format(Locale.ROOT, "%-46s %11s %11s %8s %9s%n", "file", "statements", "queries", "passed",
                "time"));
        for (FileResult f : files) {
            out.append(String.format(Locale.ROOT, "%-46s %5d/%-5d %5d/%-5d %7s %9s%n", f.file(), f.statementsPassed(),
                    f.statementsPassed() + f.statementsFailed(), f.queriesPassed(),
                    f.queriesPassed() + f.queriesFailed(), percent(f.passed(), f.total()), seconds(f.elapsed())));
        }
        out.append(totalsLine()).append(System.lineSeparator());
        out.append("Top failure causes:").append(System.lineSeparator());
        causes().stream().limit(topCauses).forEach(c -> out.append(String.format(Locale.ROOT, "%8d  %s  (e.g. %s)%n",
                c.count(), c.cause(), c.example())));
        return out.toString();
    }

    String markdown(int failuresPerFile) {
        StringBuilder md = new StringBuilder();
        md.append("# SQL conformance: ").append(engine.sltName()).append("\n\n");
        md.append("Scripts: `").append(list).append("` (").append(files.size()).append(" files), run in ")
                .append(seconds(elapsed)).append(".\n\n");
        md.append(totalsLine()).append("\n\n");
        md.append("| | passed | failed | passed % |\n|---|---:|---:|---:|\n");
        int sp = sum(FileResult::statementsPassed);
        int sf = sum(FileResult::statementsFailed);
        int qp = sum(FileResult::queriesPassed);
        int qf = sum(FileResult::queriesFailed);
        md.append(row("statements", sp, sf)).append(row("queries", qp, qf));
        md.append(row("all records", sp + qp, sf + qf));
        md.append("\n## Per file\n\n");
        md.append("| file | statements passed | statements failed | queries passed | queries failed | passed % ")
                .append("| time |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (FileResult f : files) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %s |%n", f.file(),
                    f.statementsPassed(), f.statementsFailed(), f.queriesPassed(), f.queriesFailed(),
                    percent(f.passed(), f.total()), seconds(f.elapsed())));
        }
        md.append("\n## Failure causes, most frequent first\n\n")
                .append("| records | cause | first at | why |\n|---:|---|---|---|\n");
        KnownGaps gaps = KnownGaps.load();
        for (Cause c : causes()) {
            md.append("| ").append(c.count()).append(" | ").append(cell(c.cause())).append(" | ").append(c.example())
                    .append(" | ").append(cell(gaps.explain(c.cause()))).append(" |\n");
        }
        md.append("\n## Failures\n\nThe first ").append(failuresPerFile).append(" of each file; all of them are in `")
                .append(failuresFileName()).append("`.\n");
        for (FileResult f : files) {
            if (f.failures().isEmpty() && f.warnings().isEmpty()) {
                continue;
            }
            md.append("\n### ").append(f.file()).append("\n\n");
            f.warnings().forEach(w -> md.append("- warning: ").append(w).append("\n"));
            f.failures().stream().limit(failuresPerFile).forEach(r -> md.append("- ").append(r.location()).append(" ")
                    .append(r.status()).append(": ").append(code(r.sqlAbbreviated(160))).append(" — ")
                    .append(r.detail()).append("\n"));
            if (f.failures().size() > failuresPerFile) {
                md.append("- … ").append(f.failures().size() - failuresPerFile).append(" more\n");
            }
        }
        return md.toString();
    }

    /** Every failure, one a line: location, status, cause, detail and SQL separated by tabs. */
    String failureList() {
        StringBuilder out = new StringBuilder("location\tstatus\tcause\tdetail\tsql\n");
        for (FileResult f : files) {
            for (RecordOutcome r : f.failures()) {
                out.append(r.location()).append('\t').append(r.status()).append('\t').append(r.cause()).append('\t')
                        .append(r.detail().replace('\t', ' ')).append('\t').append(r.sqlAbbreviated(500)).append('\n');
            }
        }
        return out.toString();
    }

    /** Writes the Markdown report and the full failure list into {@code dir}; returns the report's path. */
    Path write(Path dir, int failuresPerFile) throws IOException {
        Files.createDirectories(dir);
        Path report = dir.resolve(engine.sltName() + "-report.md");
        Files.writeString(report, markdown(failuresPerFile), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(failuresFileName()), failureList(), StandardCharsets.UTF_8);
        return report;
    }

    private String failuresFileName() {
        return engine.sltName() + "-failures.tsv";
    }

    private String totalsLine() {
        return String.format(Locale.ROOT, "Total: %d of %d records passed (%s); statements %d/%d, queries %d/%d; "
                        + "%d timeouts, %d internal errors, %d not run.",
                passed(), total(), percent(passed(), total()), sum(FileResult::statementsPassed),
                sum(FileResult::statementsPassed) + sum(FileResult::statementsFailed), sum(FileResult::queriesPassed),
                sum(FileResult::queriesPassed) + sum(FileResult::queriesFailed), count(RecordOutcome.Status.TIMEOUT),
                count(RecordOutcome.Status.INTERNAL_ERROR), count(RecordOutcome.Status.NOT_RUN));
    }

    private int sum(ToIntFunction<FileResult> count) {
        return files.stream().mapToInt(count).sum();
    }

    private static String row(String what, int passed, int failed) {
        return "| " + what + " | " + passed + " | " + failed + " | " + percent(passed, passed + failed) + " |\n";
    }

    static String percent(int passed, int total) {
        return total == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * passed / total);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String code(String text) {
        return "`" + text.replace('`', '\'') + "`";
    }
}
