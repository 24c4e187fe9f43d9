package io.recall.engine.exec;

import io.recall.engine.storage.CompositeKey;
import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.ForeignKeyDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.Literal;
import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One foreign key resolved against the live tables for one statement: the child and parent column
 * positions, and how a referenced value is found in the parent — by primary key (the parent row is
 * locked) or through the parent's UNIQUE constraint (its unique entry is locked). Either lock is the
 * one a concurrent delete or key update of that parent row takes, so a child insert and a parent
 * delete are serialized by the store's own locks, on one node or many.
 *
 * <p>A reference ({@code ref}) is the key values cast to the parent's column types and normalised
 * as keys are, in foreign-key column order, so equal SQL values give equal references.
 */
final class ForeignKeyLink {
    /** A child value that no parent value can equal (it does not fit the parent's column type). */
    static final Object[] UNMATCHABLE = new Object[0];

    final ForeignKeyDef def;
    final TableDef child;
    final TableDef parent;
    final int[] childColumns;
    final int[] parentColumns;
    private final ColumnType[] parentTypes;
    /** For each lookup position (primary-key or unique-index order), the foreign-key column that supplies it. */
    private final int[] lookupOrder;
    /** The parent's unique index, or null when the primary key is referenced. */
    private final IndexLayout unique;
    private final WriteScope scope;

    ForeignKeyLink(ForeignKeyDef def, TableDef child, TableDef parent, WriteScope scope) {
        this.def = def;
        this.child = child;
        this.parent = parent;
        this.scope = scope;
        int n = def.columns().size();
        childColumns = new int[n];
        parentColumns = new int[n];
        parentTypes = new ColumnType[n];
        for (int i = 0; i < n; i++) {
            childColumns[i] = child.columnIndex(def.columns().get(i));
            parentColumns[i] = parent.columnIndex(def.parentColumns().get(i));
            if (childColumns[i] < 0 || parentColumns[i] < 0) {
                throw new RecallException(ErrorCode.INVALID_FOREIGN_KEY, "Foreign key " + def.name() + " of table "
                        + child.qualifiedName() + " names a column that does not exist");
            }
            parentTypes[i] = parent.column(parentColumns[i]).type();
        }
        int[] lookupColumns;
        if (sameSet(parent.primaryKey(), parentColumns)) {
            unique = null;
            lookupColumns = parent.primaryKey();
        } else {
            unique = uniqueIndex(scope.tables.store(parent), parentColumns);
            if (unique == null) {
                throw new RecallException(ErrorCode.INVALID_FOREIGN_KEY, "Foreign key " + def.name() + " of table "
                        + child.qualifiedName() + ": no primary key or UNIQUE constraint of " + parent.qualifiedName()
                        + " covers the referenced columns");
            }
            lookupColumns = unique.columns();
        }
        lookupOrder = new int[n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                if (parentColumns[i] == lookupColumns[k]) {
                    lookupOrder[k] = i;
                }
            }
        }
    }

    static boolean sameSet(int[] a, int[] b) {
        if (a.length != b.length || a.length == 0) {
            return false;
        }
        int[] x = a.clone();
        int[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        return Arrays.equals(x, y);
    }

    private static IndexLayout uniqueIndex(TableStore store, int[] columns) {
        for (OrderedIndex index : store.indexes()) {
            if (index.layout().unique() && sameSet(index.layout().columns(), columns)) {
                return index.layout();
            }
        }
        return null;
    }

    /** The child row's reference; null when a key column is NULL (not checked), or {@link #UNMATCHABLE}. */
    Object[] childRef(Object[] row) {
        Object[] ref = new Object[childColumns.length];
        for (int i = 0; i < ref.length; i++) {
            Object v = row[childColumns[i]];
            if (v == null) {
                return null;
            }
            try {
                ref[i] = PrimaryKey.normalize(Cast.assign(v, parentTypes[i]));
            } catch (RecallException e) {
                return UNMATCHABLE;
            }
        }
        return ref;
    }

    /** The reference the parent row offers; null when a referenced column is NULL. */
    Object[] parentRef(Object[] row) {
        Object[] ref = new Object[parentColumns.length];
        for (int i = 0; i < ref.length; i++) {
            Object v = row[parentColumns[i]];
            if (v == null) {
                return null;
            }
            ref[i] = PrimaryKey.normalize(v);
        }
        return ref;
    }

    /** The parent row's referenced values as stored (for CASCADE updates), in foreign-key column order. */
    Object[] parentValues(Object[] row) {
        Object[] values = new Object[parentColumns.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = row[parentColumns[i]];
        }
        return values;
    }

    /** The parent's primary key, or the value claimed under its unique index, that offers the reference. */
    private Object lookupKey(Object[] ref) {
        if (ref.length == 1) {
            return ref[0];
        }
        Object[] parts = new Object[ref.length];
        for (int k = 0; k < parts.length; k++) {
            parts[k] = ref[lookupOrder[k]];
        }
        return new CompositeKey(parts);
    }

    /**
     * True when a committed parent row offers the reference, read without locks and outside any
     * transaction; only stable while the caller keeps commits out (the shared side of the commit gate).
     */
    boolean committedParentExists(Object[] ref) {
        if (ref == UNMATCHABLE) {
            return false;
        }
        Object key = lookupKey(ref);
        if (unique == null) {
            return scope.tables.store(parent).get(key) != null;
        }
        return scope.uniqueKeys.holder(unique.name(), key) != null;
    }

    /** True when a parent row offers the reference; locks that row (or its unique entry) to commit. */
    boolean parentExists(Object[] ref) {
        if (ref == UNMATCHABLE) {
            return false;
        }
        Object key = lookupKey(ref);
        if (unique == null) {
            return scope.writer(parent).lockAndRead(key) != null;
        }
        if (!scope.uniqueKeys.lock(unique.name(), key, scope.lockTimeoutMillis)) {
            throw new RecallException(ErrorCode.LOCK_TIMEOUT, "Timeout after " + scope.lockTimeoutMillis
                    + " ms waiting for the lock on value " + key + " of unique index " + unique.displayName()
                    + " of table " + parent.qualifiedName());
        }
        return scope.uniqueKeys.holder(unique.name(), key) != null;
    }

    /**
     * The keys of the child rows that reference {@code ref}, as this transaction sees them: read
     * through an index on the foreign-key columns when the child has one, else by a scan. The
     * caller locks and re-reads each row before acting on it.
     */
    List<Object> children(Object[] ref) {
        TableStore store = scope.view(child);
        List<Object> keys = new ArrayList<>();
        Expr[] values = new Expr[ref.length];
        for (int i = 0; i < ref.length; i++) {
            values[i] = new Literal(ref[i], parentTypes[i]);
        }
        IndexAccess access = IndexAccess.forJoin(store.indexes(), childColumns, values);
        if (access != null) {
            access.forEach(store, scope.context(), (key, row) -> {
                if (references(row, ref)) {
                    keys.add(key);
                }
                return true;
            });
        } else {
            store.scan(row -> references(row, ref), (key, row) -> keys.add(key));
        }
        return keys;
    }

    boolean references(Object[] childRow, Object[] ref) {
        Object[] mine = childRef(childRow);
        return mine != null && mine != UNMATCHABLE && Arrays.equals(mine, ref);
    }

    RecallException missingParent(Object[] childRow) {
        return new RecallException(ErrorCode.FOREIGN_KEY_VIOLATION, "Insert or update on table "
                + child.qualifiedName() + " violates foreign key constraint " + def.name() + ": key ("
                + String.join(", ", def.columns()) + ")=(" + values(childRow, childColumns)
                + ") is not present in table " + parent.qualifiedName());
    }

    RecallException existingRowWithoutParent(Object[] childRow) {
        return new RecallException(ErrorCode.FOREIGN_KEY_VIOLATION, "Cannot add foreign key constraint " + def.name()
                + " to table " + child.qualifiedName() + ": key (" + String.join(", ", def.columns()) + ")=("
                + values(childRow, childColumns) + ") of an existing row is not present in table "
                + parent.qualifiedName());
    }

    RecallException remainingChildren(Object[] parentRow, boolean delete) {
        return new RecallException(ErrorCode.FOREIGN_KEY_VIOLATION, (delete ? "Delete" : "Update") + " on table "
                + parent.qualifiedName() + " violates foreign key constraint " + def.name() + " on table "
                + child.qualifiedName() + ": key (" + String.join(", ", def.parentColumns()) + ")=("
                + values(parentRow, parentColumns) + ") is still referenced");
    }

    private static String values(Object[] row, int[] columns) {
        StringBuilder sb = new StringBuilder();
        for (int c : columns) {
            sb.append(sb.length() == 0 ? "" : ", ").append(row[c]);
        }
        return sb.toString();
    }
}
