package io.recall.engine;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Makes commits atomic for readers on this node. The store applies a commit key by key, so a
 * reader that takes no locks could see half of a transaction; statements read under the shared
 * side of this gate and this node's commits apply under the exclusive side. Nothing that can wait for a row
 * lock ever runs while the shared side is held, so the gate cannot deadlock with row locks.
 *
 * <p>In a cluster, other nodes' commits are applied here too, on the store's threads. They keep readers out as
 * well, but not this node's commits nor each other: a commit here waits for the other members to apply it
 * while holding the exclusive side, and a member committing at the same moment waits for this node to apply
 * its commit, so excluding one from the other would deadlock the two nodes. Such an application waits only for
 * the statements reading now, which never wait for anything.
 */
final class CommitGate {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Guards {@link #applying}; readers and applications wait on it. */
    private final Object remote = new Object();
    /** Other nodes' commits being applied here now. */
    private int applying;
    private volatile boolean remoteActive;

    void enterRead() {
        lock.readLock().lock();
        // Written before the read count is checked by an application, read after the count was raised here:
        // one of the two sides always sees the other (both are volatile).
        if (remoteActive && lock.getReadHoldCount() == 1) {
            waitForRemoteCommits();
        }
    }

    /** Steps back out of the shared side until no other node's commit is being applied, then enters it again. */
    private void waitForRemoteCommits() {
        boolean interrupted = false;
        while (remoteActive) {
            lock.readLock().unlock();
            synchronized (remote) {
                while (applying > 0) {
                    try {
                        remote.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            lock.readLock().lock();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    void exitRead() {
        lock.readLock().unlock();
        if (remoteActive) {
            synchronized (remote) {
                remote.notifyAll(); // an application may be waiting for the last reader
            }
        }
    }

    void enterCommit() {
        lock.writeLock().lock();
    }

    void exitCommit() {
        lock.writeLock().unlock();
    }

    /** Another node's commit starts to be applied: new readers wait, and this waits for the current ones. */
    void enterRemoteCommit() {
        boolean interrupted = false;
        synchronized (remote) {
            applying++;
            remoteActive = true;
            while (lock.getReadLockCount() > 0) {
                try {
                    remote.wait(1);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    void exitRemoteCommit() {
        synchronized (remote) {
            if (--applying == 0) {
                remoteActive = false;
            }
            remote.notifyAll();
        }
    }
}
