package io.recall.engine.exec;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

/**
 * Lets a long statement stop when it is cancelled or runs past its query timeout. Checked every
 * few hundred rows, so the cost per row is one counter decrement.
 */
public final class ExecutionControl {
    private static final int CHECK_EVERY = 256;

    private final long timeoutMillis;
    private long deadlineNanos;
    private final java.util.concurrent.atomic.AtomicBoolean cancelled;
    private int countdown = CHECK_EVERY;
    private boolean forceScan;

    public ExecutionControl(long timeoutMillis, java.util.concurrent.atomic.AtomicBoolean cancelled) {
        this.timeoutMillis = timeoutMillis;
        this.cancelled = cancelled;
        this.deadlineNanos = deadline(timeoutMillis);
    }

    private static long deadline(long timeoutMillis) {
        return timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : 0;
    }

    /**
     * Starts the timeout again and forgets an earlier cancel: each fetch of a streamed result is timed on its own,
     * and a cancel stops only what runs when it comes (as in PostgreSQL).
     */
    public void restart() {
        deadlineNanos = deadline(timeoutMillis);
        cancelled.set(false);
    }

    /** Stops the statement at its next check, as {@code Statement.cancel} does. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Makes every WHERE read its table by scanning, ignoring keys and indexes (for diagnosis). */
    public ExecutionControl forceScan(boolean force) {
        this.forceScan = force;
        return this;
    }

    public boolean forceScan() {
        return forceScan;
    }

    public void tick() {
        if (--countdown > 0) {
            return;
        }
        countdown = CHECK_EVERY;
        checkNow();
    }

    public void checkNow() {
        if (cancelled.get()) {
            throw new RecallException(ErrorCode.QUERY_CANCELED, "Statement was cancelled");
        }
        if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new RecallException(ErrorCode.QUERY_CANCELED, "Statement exceeded its query timeout");
        }
    }

    /** Milliseconds left before the timeout, or {@code fallback} when there is none. */
    public long remainingMillis(long fallback) {
        if (deadlineNanos == 0) {
            return fallback;
        }
        return Math.max(0, Math.min(fallback, (deadlineNanos - System.nanoTime()) / 1_000_000L));
    }
}
