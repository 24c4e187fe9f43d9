package io.recall.engine.exec;

import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.TableStore;
import io.recall.engine.storage.UniqueKeys;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Enforces a table's UNIQUE constraints on each row write, through the store's {@link UniqueKeys}:
 * the new value's entry is locked and claimed, the old value's entry released, in the row's own
 * transaction and with the inverse recorded in the statement's undo log. NULL never conflicts (a
 * value with a NULL in any column is not claimed).
 */
final class UniqueClaims {
    private final TableDef table;
    private final TableStore store;
    private final UniqueKeys keys;
    private final long lockTimeoutMillis;
    private final UndoLog undo;

    UniqueClaims(TableDef table, TableStore store, UniqueKeys keys, long lockTimeoutMillis, UndoLog undo) {
        this.table = table;
        this.store = store;
        this.keys = keys;
        this.lockTimeoutMillis = lockTimeoutMillis;
        this.undo = undo;
    }

    /** A row changes from {@code oldRow} at {@code oldKey} to {@code newRow} at {@code newKey}; either may be null. */
    void change(Object oldKey, Object[] oldRow, Object newKey, Object[] newRow) {
        for (OrderedIndex index : store.indexes()) {
            IndexLayout layout = index.layout();
            if (!layout.unique()) {
                continue;
            }
            Object oldValue = oldRow == null ? null : UniqueValues.of(layout, oldRow);
            Object newValue = newRow == null ? null : UniqueValues.of(layout, newRow);
            if (oldValue != null && Objects.equals(oldValue, newValue) && Objects.equals(oldKey, newKey)) {
                continue;
            }
            if (oldValue != null) {
                release(layout, oldValue, oldKey);
            }
            if (newValue != null) {
                claim(layout, newValue, newKey);
            }
        }
    }

    /**
     * For an upsert: locks the entry each arbiter index would claim for {@code row} and returns the key of
     * the first row already holding its value, or null. The locks are held to commit, so the answer stays
     * true until the row is inserted or the holder updated.
     */
    Object lockConflict(Object[] row, Predicate<IndexLayout> arbiter) {
        for (OrderedIndex index : store.indexes()) {
            IndexLayout layout = index.layout();
            if (!layout.unique() || !arbiter.test(layout)) {
                continue;
            }
            Object value = UniqueValues.of(layout, row);
            if (value == null) {
                continue;
            }
            lock(layout, value);
            Object holder = keys.holder(layout.name(), value);
            if (holder != null) {
                return holder;
            }
        }
        return null;
    }

    private void claim(IndexLayout layout, Object value, Object rowKey) {
        lock(layout, value);
        Object holder = keys.holder(layout.name(), value);
        if (holder != null && !holder.equals(rowKey)) {
            throw new RecallException(ErrorCode.UNIQUE_VIOLATION, "Duplicate value " + value + " for unique index "
                    + layout.displayName() + " of table " + table.qualifiedName());
        }
        keys.put(layout.name(), value, rowKey);
        undo.record(() -> {
            if (holder == null) {
                keys.remove(layout.name(), value);
            } else {
                keys.put(layout.name(), value, holder);
            }
        });
    }

    private void release(IndexLayout layout, Object value, Object rowKey) {
        lock(layout, value);
        keys.remove(layout.name(), value);
        undo.record(() -> keys.put(layout.name(), value, rowKey));
    }

    private void lock(IndexLayout layout, Object value) {
        if (!keys.lock(layout.name(), value, lockTimeoutMillis)) {
            throw new RecallException(ErrorCode.LOCK_TIMEOUT, "Timeout after " + lockTimeoutMillis
                    + " ms waiting for the lock on value " + value + " of unique index " + layout.displayName()
                    + " of table " + table.qualifiedName());
        }
    }
}
