package io.recall.bench;

import java.util.Locale;

/** A workload's result on one engine: a median rate, or why there is none. */
record Outcome(double opsPerSecond, String failure) {
    static Outcome measured(double opsPerSecond) {
        return new Outcome(opsPerSecond, null);
    }

    static Outcome failed(Throwable e) {
        String kind = e instanceof WrongAnswer ? "WRONG ANSWER" : "FAILED";
        String state = e instanceof java.sql.SQLException s && s.getSQLState() != null ? " [" + s.getSQLState() + "]" : "";
        return new Outcome(Double.NaN, kind + state + ": " + e.getMessage());
    }

    boolean ok() {
        return failure == null;
    }

    String cell() {
        return ok() ? String.format(Locale.ROOT, "%,.0f", opsPerSecond) : "failed";
    }
}
