package io.recall.engine.exec;

import io.recall.engine.storage.IndexLayout;
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

import java.util.function.Predicate;

/**
 * The write steps shared by INSERT, UPDATE and DELETE on one table: assignment casts, NOT NULL,
 * identity values, key locking, the primary-key uniqueness check, UNIQUE constraints ({@link UniqueClaims})
 * and CHECK and FOREIGN KEY constraints ({@link ConstraintChecker}). Every write locks its key
 * before reading it, because the store's pessimistic mode has no write-skew check. The writers of
 * one statement share a {@link WriteScope}; {@link #finishStatement} runs its deferred checks.
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
    private final WriteScope scope;
    private final ConstraintChecker constraints;

    /** The writer of a statement's own table; {@code tables} reaches the tables its foreign keys touch. */
    public RowWriter(TableDef table, TableStore store, Sequences sequences, UniqueKeys uniqueKeys,
                     long lockTimeoutMillis, UndoLog undo, WriteSet written, Tables tables) {
        this(table, store, new WriteScope(tables, sequences, uniqueKeys, lockTimeoutMillis, undo, written));
    }

    RowWriter(TableDef table, TableStore store, WriteScope scope) {
        this.table = table;
        this.store = store;
        this.scope = scope;
        this.sequences = scope.sequences;
        this.primaryKey = table.hasPrimaryKey() ? new PrimaryKey(table) : null;
        this.lockTimeoutMillis = scope.lockTimeoutMillis;
        this.undo = scope.undo;
        this.written = scope.written;
        this.uniques = new UniqueClaims(table, store, scope.uniqueKeys, lockTimeoutMillis, undo);
        this.constraints = new ConstraintChecker(table, scope);
        scope.register(this);
    }

    /** Runs the checks deferred to the end of the statement (foreign keys); call once after the last write. */
    public void finishStatement() {
        scope.finish();
    }

    TableDef table() {
        return table;
    }

    public static String identitySequence(TableDef table, int column) {
        return table.storageName() + "#identity#" + column;
    }

    public static String rowIdSequence(TableDef table) {
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
        constraints.check(row);
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
        constraints.check(row);
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

    /** Inserts a prepared row; returns its key. */
    Object insert(Object[] row) {
        if (primaryKey == null) {
            Object rowId = sequences.next(rowIdSequence(table));
            uniques.change(null, null, rowId, row);
            write(rowId, row, null);
            constraints.inserted(rowId, row);
            return rowId;
        }
        Object key = primaryKey.ofRow(row);
        if (!undo.recording() && lockTimeoutMillis == store.writeLockTimeoutMillis()
                && !written.contains(store, key)) {
            insertLockingByWrite(key, row);
        } else {
            if (lockAndRead(key) != null) {
                throw duplicate(key);
            }
            write(key, row, null);
        }
        uniques.change(null, null, key, row);
        constraints.inserted(key, row);
        return key;
    }

    /**
     * For an upsert, before inserting a prepared row: locks its primary key (when {@code primaryKeyArbiter})
     * and the values it would claim under the arbiter unique indexes, and returns the existing row it
     * conflicts with there, locked, or null. The locks are held to commit, so a concurrent upsert of the same
     * values waits here and then sees this one's row.
     */
    Conflict lockConflict(Object[] row, boolean primaryKeyArbiter, Predicate<IndexLayout> uniqueArbiter) {
        if (primaryKeyArbiter && primaryKey != null) {
            Object key = primaryKey.ofRow(row);
            Object[] existing = lockAndRead(key);
            if (existing != null) {
                return new Conflict(key, existing);
            }
        }
        Object holder = uniques.lockConflict(row, uniqueArbiter);
        return holder == null ? null : new Conflict(holder, lockAndRead(holder));
    }

    /** An existing row a proposed one conflicts with, at its key. */
    record Conflict(Object key, Object[] row) {
    }

    /**
     * The write takes the key's lock, and a committed row found under it is a duplicate: one
     * store operation instead of a lock and a write. Only for a statement that is its own
     * transaction, whose failure rolls back everything, the overwritten row included.
     */
    private void insertLockingByWrite(Object key, Object[] row) {
        if (!store.putLocking(key, row)) {
            throw lockTimeout(key);
        }
        written.add(store, key);
        if (store.getCommitted(key) != null) {
            throw duplicate(key);
        }
    }

    /** Takes the row's lock, waiting at most {@code timeoutMillis}; false when another transaction kept it. */
    boolean tryLock(Object key, long timeoutMillis) {
        if (!store.lock(key, timeoutMillis)) {
            return false;
        }
        written.checkUnchanged(store, key, table.qualifiedName());
        return true;
    }

    TableStore store() {
        return store;
    }

    /** Locks a row and reads its current version (null if there is none). */
    public Object[] lockAndRead(Object key) {
        lock(key);
        return currentRow(key);
    }

    /** The row as this transaction sees it now, without locking: its own write, else the latest committed. */
    Object[] currentRow(Object key) {
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

    /** Returns the row's key after the update (it changes with the primary key). */
    Object update(Object key, Object[] oldRow, Object[] newRow) {
        Object newKey = primaryKey == null ? key : primaryKey.ofRow(newRow);
        if (!newKey.equals(key)) {
            if (lockAndRead(newKey) != null) {
                throw duplicate(newKey);
            }
            uniques.change(key, oldRow, newKey, newRow);
            write(key, null, oldRow);
            write(newKey, newRow, null);
            constraints.updated(key, oldRow, newKey, newRow);
            return newKey;
        }
        uniques.change(key, oldRow, key, newRow);
        write(key, newRow, oldRow);
        constraints.updated(key, oldRow, key, newRow);
        return key;
    }

    void delete(Object key, Object[] oldRow) {
        uniques.change(key, oldRow, null, null);
        write(key, null, oldRow);
        constraints.deleted(key, oldRow);
    }

    private void lock(Object key) {
        if (!store.lock(key, lockTimeoutMillis)) {
            throw lockTimeout(key);
        }
        written.checkUnchanged(store, key, table.qualifiedName());
    }

    private RecallException lockTimeout(Object key) {
        return new RecallException(ErrorCode.LOCK_TIMEOUT, "Timeout after " + lockTimeoutMillis
                + " ms waiting for a row lock in table " + table.qualifiedName() + " (key " + key + ")");
    }

    private RecallException duplicate(Object key) {
        return new RecallException(ErrorCode.UNIQUE_VIOLATION,
                "Duplicate primary key " + key + " in table " + table.qualifiedName());
    }
}
