package io.recall.engine;

import io.recall.engine.exec.UniqueValues;
import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.StoreTransaction;
import io.recall.engine.storage.TableStore;
import io.recall.engine.storage.UniqueKeys;
import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds and removes one index of a table. The ordered index is built from the committed rows
 * while commits wait (the shared side of the commit gate: reads go on); a unique index then
 * claims every row's value in one store transaction, locking each row before reading it as
 * writers do, so a duplicate fails with {@code 23505} and leaves neither entries nor index behind.
 */
final class IndexBuilder {
    private final Database database;

    IndexBuilder(Database database) {
        this.database = database;
    }

    static IndexLayout layout(TableDef table, IndexDef index) {
        int[] columns = new int[index.columns().size()];
        boolean[] descending = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            descending[i] = index.descending().get(i);
            columns[i] = table.columnIndex(index.columns().get(i));
            if (columns[i] < 0) {
                throw new RecallException(ErrorCode.COLUMN_NOT_FOUND, "Column " + index.columns().get(i)
                        + " of index " + index.qualifiedName() + " not found in table " + table.qualifiedName());
            }
        }
        return new IndexLayout(index.storageName(), index.name(), columns, descending, index.unique());
    }

    void build(TableDef table, IndexDef index) {
        TableStore store = database.tableStore(table);
        IndexLayout layout = layout(table, index);
        OrderedIndex built;
        database.gate().enterRead();
        try {
            built = store.addIndex(layout);
        } finally {
            database.gate().exitRead();
        }
        if (!index.unique()) {
            return;
        }
        try {
            claimAll(table, store, built);
        } catch (RuntimeException e) {
            remove(table, index);
            throw e;
        }
    }

    private void claimAll(TableDef table, TableStore store, OrderedIndex index) {
        List<Object> keys = new ArrayList<>();
        database.gate().enterRead();
        try {
            index.keys(new Object[]{IndexLayout.MIN}, new Object[]{IndexLayout.MAX}, keys::add);
        } finally {
            database.gate().exitRead();
        }
        UniqueKeys unique = database.store().uniqueKeys();
        IndexLayout layout = index.layout();
        long timeout = database.settings().lockTimeoutMillis();
        StoreTransaction tx = database.store().begin();
        tx.resume();
        try {
            for (Object key : keys) {
                if (!store.lock(key, timeout)) {
                    throw new RecallException(ErrorCode.LOCK_TIMEOUT, "Timeout after " + timeout
                            + " ms waiting for a row lock in table " + table.qualifiedName() + " while creating index "
                            + layout.displayName());
                }
                Object[] row = store.getCommitted(key);
                Object value = row == null ? null : UniqueValues.of(layout, row);
                if (value == null) {
                    continue;
                }
                if (!unique.lock(layout.name(), value, timeout)) {
                    throw new RecallException(ErrorCode.LOCK_TIMEOUT, "Timeout after " + timeout
                            + " ms waiting for value " + value + " while creating index " + layout.displayName());
                }
                Object holder = unique.holder(layout.name(), value);
                if (holder != null && !holder.equals(key)) {
                    throw new RecallException(ErrorCode.UNIQUE_VIOLATION, "Cannot create unique index "
                            + layout.displayName() + ": table " + table.qualifiedName() + " has the value " + value
                            + " more than once");
                }
                unique.put(layout.name(), value, key);
            }
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
        database.gate().enterCommit();
        try {
            tx.commit();
        } finally {
            database.gate().exitCommit();
        }
    }

    /** Stops keeping the index and forgets its claimed values. */
    void remove(TableDef table, IndexDef index) {
        database.tableStore(table).removeIndex(index.storageName());
        if (index.unique()) {
            database.store().uniqueKeys().dropConstraint(index.storageName());
        }
    }
}
