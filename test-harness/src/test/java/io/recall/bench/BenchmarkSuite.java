package io.recall.bench;

import io.recall.harness.CommandLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The benchmark suite of issue 4: the same JDBC workloads on Recall, H2 and HSQLDB in this one process, one
 * engine after another, then the floor of Recall's store; prints and writes {@code <mode>-report.md}.
 *
 * <p>Options, as {@code key=value} arguments or {@code bench.<key>} system properties: {@code mode} (short,
 * full), {@code only} (a regular expression a workload name must contain), {@code engines} (comma-separated:
 * recall, h2, hsqldb), {@code floor} (true/false), {@code out} (report directory, default target/bench).
 * Fails at the end if any workload failed or answered wrongly on any engine.
 */
public final class BenchmarkSuite {
    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine.quietLogging();
        Map<String, String> options = options(args);
        Mode mode = Mode.named(options.get("mode"));
        Pattern only = Pattern.compile(options.get("only"));
        List<Supplier<Workload>> workloads = Workloads.ALL.stream()
                .filter(w -> only.matcher(w.get().name()).find()).toList();
        List<BenchEngine> engines = new ArrayList<>();
        for (String name : options.get("engines").split(",")) {
            engines.add(BenchEngine.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }

        Report report = new Report(mode, engines);
        workloads.forEach(w -> report.describe(w.get()));
        Runner runner = new Runner(mode, Scale.ISSUE, System.out);
        long start = System.nanoTime();
        for (BenchEngine engine : engines) {
            System.out.println(engine.label() + ":");
            report.add(engine, runner.run(engine, workloads));
            System.gc();
        }
        if (Boolean.parseBoolean(options.get("floor"))) {
            System.out.println("Store floor:");
            report.floor(new StoreFloor(mode, Scale.ISSUE).measure());
        }
        System.out.printf(Locale.ROOT, "%nDone in %.0f s.%n%n", (System.nanoTime() - start) / 1e9);
        System.out.print(report.markdown());
        System.out.println("Report: " + report.write(Path.of(options.get("out"))));
        if (!report.failures().isEmpty()) {
            throw new IllegalStateException(report.failures().size() + " workload run(s) failed, see the report");
        }
    }

    private static Map<String, String> options(String[] args) {
        return CommandLine.options("bench", Map.of(
                "mode", "short",
                "only", "",
                "engines", "recall,h2,hsqldb",
                "floor", "true",
                "out", "target/bench"), args);
    }
}
