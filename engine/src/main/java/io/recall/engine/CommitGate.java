package io.recall.engine;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Makes commits atomic for readers on this node. The store applies a commit key by key, so a
 * reader that takes no locks could see half of a transaction; statements read under the shared
 * side of this gate and commits apply under the exclusive side. Nothing that can wait for a row
 * lock ever runs while the shared side is held, so the gate cannot deadlock with row locks.
 */
final class CommitGate {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    void enterRead() {
        lock.readLock().lock();
    }

    void exitRead() {
        lock.readLock().unlock();
    }

    void enterCommit() {
        lock.writeLock().lock();
    }

    void exitCommit() {
        lock.writeLock().unlock();
    }
}
