package io.recall.slt;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * A few small sqllogictest scripts on Recall, each held to the number of passed records recorded in
 * conformance/smoke-floor.txt; none may end in an internal error (a non-SQLException out of JDBC), and
 * every failure must have its reason in conformance/known-gaps.txt.
 * The full gauge is {@link ConformanceGauge}.
 */
class ConformanceSmokeTest {
    private static final int SHOWN_FAILURES = 10;
    private static final SltRunner RUNNER = new SltRunner(Engine.RECALL, 30, 3);

    @TestFactory
    Stream<DynamicTest> eachScriptPassesAtLeastItsFloorWithoutInternalErrors() {
        return SmokeFloors.load().entrySet().stream()
                .map(floor -> dynamicTest(floor.getKey(), () -> check(floor.getKey(), floor.getValue())));
    }

    private static void check(String script, int floor) {
        FileResult result = RUNNER.run(ScriptLibrary.script(script));
        List<String> problems = new ArrayList<>();
        List<RecordOutcome> internalErrors = result.failures().stream()
                .filter(f -> f.status() == RecordOutcome.Status.INTERNAL_ERROR).toList();
        if (!internalErrors.isEmpty()) {
            problems.add(internalErrors.size()
                    + " internal errors (an exception other than SQLException escaped JDBC):\n"
                    + describe(internalErrors));
        }
        KnownGaps gaps = KnownGaps.load();
        List<RecordOutcome> unexplained = result.failures().stream()
                .filter(f -> gaps.explain(f.cause()).equals(KnownGaps.UNEXPLAINED)).toList();
        if (!unexplained.isEmpty()) {
            problems.add(unexplained.size() + " failures with no known reason in " + KnownGaps.RESOURCE + ":\n"
                    + describe(unexplained));
        }
        if (result.passed() < floor) {
            problems.add("passed " + result.passed() + " of " + result.total() + " records, below its floor of " + floor
                    + "; first failures:\n" + describe(result.failures()));
        }
        if (!problems.isEmpty()) {
            fail(script + ": " + String.join("\n", problems));
        }
        if (result.passed() > floor) {
            System.out.println(script + ": passed " + result.passed() + " of " + result.total()
                    + " records; raise its floor (" + floor + ") in " + SmokeFloors.RESOURCE);
        }
    }

    private static String describe(List<RecordOutcome> failures) {
        String shown = failures.stream().limit(SHOWN_FAILURES)
                .map(f -> "  " + f.location() + " " + f.sqlAbbreviated(100) + "\n    -> " + f.detail())
                .collect(Collectors.joining("\n"));
        int more = failures.size() - SHOWN_FAILURES;
        return more > 0 ? shown + "\n  ... " + more + " more" : shown;
    }
}
