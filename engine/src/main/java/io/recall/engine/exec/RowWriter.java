package io.recall.engine.exec;

import io.recall.engine.storage.Sequences;
import io.recall.engine.storage.TableStore;
import io.recall.engine.storage.UniqueKeys;
import io.recall.parser.catalog.ColumnDef;
import io.recall.parser.catalog.Identity;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.types.Cast;

/**
 * The write steps shared by INSERT, UPDATE and DELETE on one table: assignment casts, NOT NULL,
 * identity values, key locking, the primary-key uniqueness check and UNIQUE constraints ({@link UniqueClaims}). Every write locks its key
 * before reading it, because the store's pessimistic mode has no write-skew check.
 */
public final class RowWriter {
    private final TableDef table;
    private final TableStore store;
    private final Sequences sequences;
    private final PrimaryKey primaryKey;
    private final long lockTimeoutMillis;
    private final UndoLog undo;
    private final WriteSet written;
    private final UniqueClaims uniques;

    public RowWriter(TableDef table, TableStore store, Sequences sequences, UniqueKeys uniqueKeys,
                     long lockTimeoutMillis, UndoLog undo, WriteSet written) {
        this.table = table;
        this.store = store;
        this.sequences = sequences;
        this.primaryKey = table.hasPrimaryKey() ? new PrimaryKey(table) : null;
        this.lockTimeoutMillis = lockTimeoutMillis;
        this.undo = undo;
        this.written = written;
        this.uniques = new UniqueClaims(table, store, uniqueKeys, lockTimeoutMillis, undo);
    }

    TableDef table() {
        return table;
    }

    static String identitySequence(TableDef table, int column) {
        return table.storageName() + "#identity#" + column;
    }

    static String rowIdSequence(TableDef table) {
        return table.storageName() + "#rowid";
    }

    /** Casts the values to the column types and fills identities; the row is modified in place. */
    void prepareNewRow(Object[] row, boolean[] given, EvalContext ctx) {
        for (int i = 0; i < row.length; i++) {
            ColumnDef c = table.column(i);
            if (!given[i]) {
                if (c.identity() != Identity.NONE) {
                    row[i] = Cast.assign(sequences.next(identitySequence(table, i)), c.type());
                    continue;
                }
                row[i] = c.defaultValue() == null ? null : c.defaultValue().eval(null, ctx);
            } else if (c.identity() == Identity.ALWAYS) {
                throw new RecallException(ErrorCode.GENERATED_ALWAYS,
                        "Column " + c.name() + " of table " + table.name() + " is GENERATED ALWAYS; do not give a value");
            } else if (c.identity() == Identity.BY_DEFAULT && row[i] != null) {
                row[i] = Cast.assign(row[i], c.type());
                sequences.advancePast(identitySequence(table, i), ((Number) row[i]).longValue());
                continue;
            }
            row[i] = assign(row[i], c);
        }
        checkNotNull(row);
    }

    Object[] assignColumns(Object[] oldRow, int[] columns, Object[] values) {
        Object[] row = oldRow.clone();
        for (int i = 0; i < columns.length; i++) {
            ColumnDef c = table.column(columns[i]);
            if (c.identity() == Identity.ALWAYS && !java.util.Objects.equals(values[i], oldRow[columns[i]])) {
                throw new RecallException(ErrorCode.GENERATED_ALWAYS,
                        "Column " + c.name() + " of table " + table.name() + " is GENERATED ALWAYS and cannot be updated");
            }
            row[columns[i]] = assign(values[i], c);
        }
        checkNotNull(row);
        return row;
    }

    private Object assign(Object value, ColumnDef c) {
        try {
            return Cast.assign(value, c.type());
        } catch (RecallException e) {
            throw new RecallException(e.code(), e.getMessage() + " (column " + c.name() + " of table " + table.name() + ")");
        }
    }

    private void checkNotNull(Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null && table.column(i).notNull()) {
                throw new RecallException(ErrorCode.NOT_NULL_VIOLATION,
                        "NULL not allowed for column " + table.column(i).name() + " of table " + table.name());
            }
        }
    }

    void insert(Object[] row) {
        if (primaryKey == null) {
            Object rowId = sequences.next(rowIdSequence(table));
            uniques.change(null, null, rowId, row);
            write(rowId, row, null);
            return;
        }
        Object key = primaryKey.ofRow(row);
        if (lockAndRead(key) != null) {
            throw duplicate(key);
        }
        uniques.change(null, null, key, row);
        write(key, row, null);
    }

    /** Locks a row and reads its current version (null if there is none). */
    public Object[] lockAndRead(Object key) {
        lock(key);
        return written.contains(store, key) ? store.get(key) : store.getCommitted(key);
    }

    private void write(Object key, Object[] row, Object[] before) {
        if (row == null) {
            store.remove(key);
        } else {
            store.put(key, row);
        }
        written.add(store, key);
        undo.record(store, key, before);
    }

    void update(Object key, Object[] oldRow, Object[] newRow) {
        Object newKey = primaryKey == null ? key : primaryKey.ofRow(newRow);
        if (!newKey.equals(key)) {
            if (lockAndRead(newKey) != null) {
                throw duplicate(newKey);
            }
            uniques.change(key, oldRow, newKey, newRow);
            write(key, null, oldRow);
            write(newKey, newRow, null);
            return;
        }
        uniques.change(key, oldRow, key, newRow);
        write(key, newRow, oldRow);
    }

    void delete(Object key, Object[] oldRow) {
        uniques.change(key, oldRow, null, null);
        write(key, null, oldRow);
    }

    private void lock(Object key) {
        if (!store.lock(key, lockTimeoutMillis)) {
            throw new RecallException(ErrorCode.LOCK_TIMEOUT, "Timeout after " + lockTimeoutMillis
                    + " ms waiting for a row lock in table " + table.qualifiedName() + " (key " + key + ")");
        }
    }

    private RecallException duplicate(Object key) {
        return new RecallException(ErrorCode.UNIQUE_VIOLATION,
                "Duplicate primary key " + key + " in table " + table.qualifiedName());
    }
}
