package io.recall.bench;

/** A workload saw a result other than the one it knows is right: the run is invalid, not slow or fast. */
final class WrongAnswer extends RuntimeException {
    WrongAnswer(String message) {
        super(message);
    }

    static void check(String what, long expected, long actual) {
        if (expected != actual) {
            throw new WrongAnswer(what + ": expected " + expected + ", got " + actual);
        }
    }
}
