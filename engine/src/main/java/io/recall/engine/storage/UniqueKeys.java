package io.recall.engine.storage;

/**
 * The values claimed under UNIQUE constraints: one entry per (constraint, normalised value) in a
 * transactional store, holding the key of the row that has the value. Uniqueness rests on the
 * store's own locks: a writer locks the entry in its transaction and holds the lock to commit, so
 * a concurrent writer of the same value waits and then sees the winner's entry. Entries are
 * written and removed in the same transaction as their rows, so a rollback leaves none behind.
 */
public interface UniqueKeys {
    /** Locks the entry in the attached transaction, waiting at most {@code timeoutMillis}; false on timeout. */
    boolean lock(String constraint, Object value, long timeoutMillis);

    /** The key of the row holding the value, as seen after {@link #lock}; null when free. */
    Object holder(String constraint, Object value);

    void put(String constraint, Object value, Object rowKey);

    void remove(String constraint, Object value);

    /** Removes every entry of a dropped constraint, committed on its own. */
    void dropConstraint(String constraint);
}
