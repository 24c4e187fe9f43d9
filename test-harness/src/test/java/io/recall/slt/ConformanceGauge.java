package io.recall.slt;

import io.recall.harness.CommandLine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SQL conformance gauge: runs a list of sqllogictest scripts on an engine and writes
 * {@code <engine>-report.md} and {@code <engine>-failures.tsv}.
 *
 * <p>Options, as {@code key=value} arguments or {@code slt.<key>} system properties:
 * {@code engine} (recall, h2; default recall), {@code list} (a file, or a classpath resource; default
 * conformance/public.txt), {@code filter} (a regular expression a script name must contain), {@code timeout}
 * (query timeout in seconds, default 30), {@code maxTimeouts} (timeouts after which the rest of a file is not
 * run, default 5), {@code out} (report directory, default target/conformance).
 */
public final class ConformanceGauge {
    private static final int TOP_CAUSES = 15;
    private static final int FAILURES_PER_FILE = 50;

    private ConformanceGauge() {
    }

    public static void main(String[] args) throws IOException {
        CommandLine.quietLogging();
        Map<String, String> options = options(args);
        Engine engine = Engine.named(options.get("engine"));
        String list = options.get("list");
        Pattern filter = Pattern.compile(options.get("filter"));
        SltRunner runner = new SltRunner(engine, Integer.parseInt(options.get("timeout")),
                Integer.parseInt(options.get("maxTimeouts")));

        List<String> names = ScriptLibrary.list(list).stream().filter(n -> filter.matcher(n).find()).toList();
        List<FileResult> results = new ArrayList<>();
        long start = System.nanoTime();
        for (String name : names) {
            FileResult result = runner.run(ScriptLibrary.script(name));
            results.add(result);
            System.out.printf(Locale.ROOT, "[%d/%d] %s: %d of %d passed (%s) in %.1f s%n", results.size(), names.size(),
                    name, result.passed(), result.total(), ConformanceReport.percent(result.passed(), result.total()),
                    result.elapsed().toMillis() / 1000.0);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        ConformanceReport report = new ConformanceReport(engine, list, results, elapsed);
        Path written = report.write(Path.of(options.get("out")), FAILURES_PER_FILE);
        System.out.println();
        System.out.print(report.summary(TOP_CAUSES));
        System.out.println("Report: " + written);
    }

    private static Map<String, String> options(String[] args) {
        return CommandLine.options("slt", Map.of(
                "engine", "recall",
                "list", "conformance/public.txt",
                "filter", "",
                "timeout", "30",
                "maxTimeouts", "5",
                "out", "target/conformance"), args);
    }
}
