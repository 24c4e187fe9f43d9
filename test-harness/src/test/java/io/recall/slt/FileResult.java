package io.recall.slt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The counts of one script's run and its failed records; records skipped by skipif/onlyif/halt are not counted. */
final class FileResult {
    private final String file;
    private final List<RecordOutcome> failures = new ArrayList<>();
    // a stuck file's connection is closed by another thread, which may report after the run
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private int statementsPassed;
    private int queriesPassed;
    private int statementsFailed;
    private int queriesFailed;
    private Duration elapsed = Duration.ZERO;

    FileResult(String file) {
        this.file = file;
    }

    void passed(RecordOutcome.Kind kind) {
        if (kind == RecordOutcome.Kind.STATEMENT) {
            statementsPassed++;
        } else {
            queriesPassed++;
        }
    }

    void failed(RecordOutcome failure) {
        failures.add(failure);
        if (failure.kind() == RecordOutcome.Kind.STATEMENT) {
            statementsFailed++;
        } else {
            queriesFailed++;
        }
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    void finished(Duration elapsed) {
        this.elapsed = elapsed;
    }

    List<String> warnings() {
        return warnings;
    }

    String file() {
        return file;
    }

    List<RecordOutcome> failures() {
        return failures;
    }

    int statementsPassed() {
        return statementsPassed;
    }

    int statementsFailed() {
        return statementsFailed;
    }

    int queriesPassed() {
        return queriesPassed;
    }

    int queriesFailed() {
        return queriesFailed;
    }

    int passed() {
        return statementsPassed + queriesPassed;
    }

    int total() {
        return passed() + statementsFailed + queriesFailed;
    }

    long count(RecordOutcome.Status status) {
        return failures.stream().filter(f -> f.status() == status).count();
    }

    Duration elapsed() {
        return elapsed;
    }
}
