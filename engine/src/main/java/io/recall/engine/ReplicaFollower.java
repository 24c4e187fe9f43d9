package io.recall.engine;

import io.recall.engine.storage.ReplicaEvents;
import io.recall.engine.storage.Replication;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Keeps a node of a cluster in step with the others: their commits are applied here under the commit gate
 * (readers see each one whole), and their schema changes are read into the live catalog, both at once in the
 * background (so every table gets its copy here without waiting for a statement to name it) and before any
 * statement of this node that starts after the change reached it.
 */
final class ReplicaFollower implements ReplicaEvents {
    private final Database database;
    private final Replication replication;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "recall-catalog-follower");
        t.setDaemon(true);
        return t;
    });
    /** Catalog changes reported by other nodes, and how many of them the live catalog has read. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong(1);
    private volatile long followed;

    ReplicaFollower(Database database, Replication replication) {
        this.database = database;
        this.replication = replication;
    }

    /** Opens every table of the catalog (this node holds a copy of each) and starts listening. */
    void start() {
        replication.listen(this);
        catchUp();
    }

    void stop() {
        background.shutdownNow();
    }

    Replication replication() {
        return replication;
    }

    @Override
    public void remoteCommitStarts() {
        database.gate().enterRemoteCommit();
    }

    @Override
    public void remoteCommitApplied() {
        database.gate().exitRemoteCommit();
    }

    @Override
    public void catalogChanged() {
        changes.incrementAndGet();
        try {
            background.execute(this::catchUpQuietly);
        } catch (RejectedExecutionException closing) {
            // the database is closing; nothing to follow
        }
    }

    /**
     * Reads the catalog again if another node changed it since the last time; when another thread is reading it
     * already, waits for that reading to end.
     */
    void catchUp() {
        long target = changes.get();
        if (followed >= target) {
            return;
        }
        synchronized (database.catalog()) {
            if (followed >= target) {
                return;
            }
            long reading = changes.get(); // a change counted from here on is read by the next catch-up
            database.gate().enterRead();
            try {
                database.catalog().reload();
            } finally {
                database.gate().exitRead();
            }
            database.followTables(replication);
            followed = reading;
        }
    }

    private void catchUpQuietly() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            // the next statement tries again and reports what fails
        }
    }
}
