package io.recall.fuzz;

/**
 * The result of one check of one query. {@code kind} names a failure precisely enough that the reducer keeps
 * only smaller queries failing the same way; {@code detail} says what each side answered.
 */
record Verdict(Status status, String kind, String detail) {
    enum Status {
        /** Same answer (rows, or an error on both sides). */
        AGREE,
        /** Recall refused the query with 0A000. */
        UNSUPPORTED,
        /** Not comparable here (the reference cannot run it, or a precondition does not hold). */
        SKIPPED,
        /** A listed dialect difference explains the disagreement. */
        DIALECT,
        FAIL
    }

    static final Verdict AGREE = new Verdict(Status.AGREE, "", "");
    static final Verdict UNSUPPORTED = new Verdict(Status.UNSUPPORTED, "", "");
    static final Verdict SKIPPED = new Verdict(Status.SKIPPED, "", "");

    static Verdict fail(String kind, String detail) {
        return new Verdict(Status.FAIL, kind, detail);
    }

    static Verdict dialect(String difference) {
        return new Verdict(Status.DIALECT, difference, "");
    }

    boolean failed() {
        return status == Status.FAIL;
    }
}
