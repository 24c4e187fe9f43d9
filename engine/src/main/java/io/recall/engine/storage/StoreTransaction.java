package io.recall.engine.storage;

/**
 * A store transaction. A JDBC connection may be used from different threads in turn (a pool
 * hands it around), so the transaction is attached to the running thread for the duration of
 * one statement ({@link #resume}) and detached after it ({@link #suspend}).
 */
public interface StoreTransaction {
    void resume();

    void suspend();

    /** Commits; must be attached. On failure nothing is applied and a RecallException is thrown. */
    void commit();

    /** Rolls back; must be attached. */
    void rollback();

    /** False once the store has marked the transaction for rollback (it can then only be rolled back). */
    boolean isUsable();
}
