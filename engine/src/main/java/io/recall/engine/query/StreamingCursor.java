package io.recall.engine.query;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A query read a batch at a time. The operators push rows as they always do, on a thread of their own (the
 * producer); when a batch of the fetch size is full the sink hands it over and parks the producer until the next
 * batch is asked for, so at most one batch is held. The producer runs only while the consumer waits for it: the two
 * threads never use the session at the same time, and what one wrote the other sees (the hand-over is a monitor).
 *
 * <p>Each batch is read inside the {@link ReadScope} (the transaction attached, the shared side of the commit gate
 * held) and nothing is held between batches. Closing makes the sink decline the next row, so the operators stop and
 * their scans end; {@link #close} returns once the producer has let go.
 */
public final class StreamingCursor implements RowCursor {
    /** Producer threads are pooled: a streamed query that fits in one batch should not cost a thread start. */
    private static final ExecutorService PRODUCERS = Executors.newCachedThreadPool(new ProducerThreads());

    private final Operator root;
    private final QueryContext qc;
    private final long maxRows;
    private final int fetchSize;
    private final ReadScope scope;
    private final java.util.function.Consumer<StreamingCursor> onEnd;

    // the hand-over, guarded by this
    private boolean started;
    private boolean requested;
    private int wanted;
    private List<Object[]> handed;
    private boolean finished;
    private Throwable failure;
    private boolean closing;
    private boolean producing;
    /** The consumer's context class loader, which the producer takes on (application classes resolve alike). */
    private ClassLoader loader;

    // the producer's own
    private List<Object[]> batch = new ArrayList<>();
    private int want;
    private long produced;
    private boolean inside;
    private boolean stopped;

    // the consumer's own
    private boolean ended;
    private RuntimeException failed;
    private List<Object[]> rest;
    private int restAt;

    StreamingCursor(Operator root, QueryContext qc, long maxRows, int fetchSize, ReadScope scope,
                    java.util.function.Consumer<StreamingCursor> onEnd) {
        this.root = root;
        this.qc = qc;
        this.maxRows = maxRows;
        this.fetchSize = fetchSize;
        this.scope = scope;
        this.onEnd = onEnd;
    }

    /** The first batch, timed and cancelled as part of the statement that opened the cursor. */
    public List<Object[]> first() {
        return request(fetchSize);
    }

    @Override
    public List<Object[]> fetch(int rows) {
        int batchSize = rows > 0 ? rows : fetchSize;
        if (failed != null) {
            throw failed;
        }
        if (rest != null) {
            return nextOfRest(batchSize);
        }
        if (ended) {
            return List.of();
        }
        qc.control().restart();
        return request(batchSize);
    }

    /**
     * Reads every row left now, while the transaction the cursor reads in still exists (it is about to commit or
     * roll back); later fetches hand them out. This is what keeps a streamed result set holdable over commit.
     */
    public void readRest() {
        if (ended || failed != null || isClosing()) {
            return;
        }
        qc.control().restart();
        try {
            rest = request(Integer.MAX_VALUE);
        } catch (RuntimeException e) {
            failed = e; // reported by the next fetch: the commit itself goes on
            rest = null;
        }
    }

    private List<Object[]> nextOfRest(int batchSize) {
        if (restAt >= rest.size()) {
            return List.of();
        }
        int end = (int) Math.min(rest.size(), (long) restAt + batchSize);
        List<Object[]> rows = new ArrayList<>(rest.subList(restAt, end));
        restAt = end;
        if (restAt >= rest.size()) {
            rest = List.of();
            restAt = 0;
        }
        return rows;
    }

    /** Asks the producer for up to {@code rows} rows and waits for them. */
    private List<Object[]> request(int rows) {
        List<Object[]> got;
        Throwable error;
        boolean interrupted = false;
        synchronized (this) {
            if (closing) {
                throw new RecallException(ErrorCode.INVALID_STATE, "The result set was closed");
            }
            if (!started) {
                started = true;
                producing = true;
                loader = Thread.currentThread().getContextClassLoader();
                PRODUCERS.execute(this::produce);
            }
            wanted = rows;
            requested = true;
            handed = null;
            notifyAll();
            while (handed == null && !finished) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the producer must still let go first: stop it and wait for that
                    qc.control().cancel();
                }
            }
            got = handed;
            handed = null;
            error = failure;
            if (finished) {
                ended = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (ended) {
            onEnd.accept(this);
        }
        if (error != null) {
            failed = error instanceof RuntimeException re ? re : new IllegalStateException(error);
            if (error instanceof Error e) {
                throw e;
            }
            throw failed;
        }
        return got == null ? List.of() : got;
    }

    /** True once every row has been handed out: the result needs no more fetches. */
    public boolean ended() {
        return ended && failed == null;
    }

    private synchronized boolean isClosing() {
        return closing;
    }

    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
            boolean interrupted = false;
            while (producing) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            batch = null;
            handed = null;
            rest = null;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        onEnd.accept(this);
    }

    // ---- the producer thread

    private void produce() {
        Throwable error = null;
        Thread.currentThread().setContextClassLoader(loader);
        try {
            if (awaitRequest()) {
                scope.enter();
                inside = true;
                root.run(qc, this::accept);
            }
        } catch (RuntimeException e) {
            error = scope.translate(e);
        } catch (Throwable e) {
            error = e;
        } finally {
            if (inside) {
                inside = false;
                try {
                    scope.exit();
                } catch (RuntimeException e) {
                    error = error == null ? e : error;
                }
            }
            finish(error);
        }
    }

    private boolean accept(Object[] row) {
        if (stopped) {
            return false;
        }
        batch.add(row);
        produced++;
        if (maxRows > 0 && produced >= maxRows) {
            stopped = true;
            return false;
        }
        if (batch.size() < want) {
            return true;
        }
        inside = false;
        scope.exit();
        if (!handOver()) {
            stopped = true;
            return false;
        }
        scope.enter();
        inside = true;
        return true;
    }

    private synchronized boolean awaitRequest() {
        while (!requested && !closing) {
            waitQuietly();
        }
        want = wanted;
        return !closing;
    }

    /** Hands the full batch over and parks until the next one is asked for; false when the cursor is closing. */
    private synchronized boolean handOver() {
        handed = batch;
        batch = new ArrayList<>();
        requested = false;
        notifyAll();
        while (!requested && !closing) {
            waitQuietly();
        }
        want = wanted;
        return !closing;
    }

    private synchronized void finish(Throwable error) {
        handed = batch;
        batch = null;
        failure = error;
        finished = true;
        producing = false;
        notifyAll();
    }

    /** The producer is never interrupted by Recall; an interrupt from elsewhere must not end the hand-over. */
    private void waitQuietly() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.interrupted();
        }
    }

    private static final class ProducerThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "recall-cursor-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
