package io.recall.engine.exec;

import io.recall.parser.catalog.CheckDef;
import io.recall.parser.catalog.ColumnDef;
import io.recall.parser.catalog.ForeignKeyDef;
import io.recall.parser.catalog.ReferentialAction;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CHECK and FOREIGN KEY constraints of one table, for one statement's {@link RowWriter}.
 *
 * <p>CHECK: a row fails when a condition is FALSE (NULL passes), before it is written.
 *
 * <p>As a child: a written row whose key is not NULL and changed is checked at the end of the
 * statement (so a statement may insert a parent after its child, as in PostgreSQL), locking the
 * parent row. As a parent: after a row is deleted or its referenced key changes, the children are
 * found (index on the child's key columns, else a scan) and RESTRICT refuses at once, NO ACTION
 * refuses at the end of the statement unless the key exists again, CASCADE / SET NULL / SET DEFAULT
 * write the children through their own writers, whose constraints apply in turn. Every write goes
 * through the statement's undo log, so a failure anywhere leaves nothing half-done.
 */
final class ConstraintChecker {
    private final TableDef table;
    private final WriteScope scope;
    private final List<ForeignKeyLink> asChild = new ArrayList<>();
    private List<ForeignKeyLink> asParent;

    ConstraintChecker(TableDef table, WriteScope scope) {
        this.table = table;
        this.scope = scope;
    }

    /** Fails with 23514 when a CHECK condition is FALSE for the row. */
    void check(Object[] row) {
        for (CheckDef check : table.checks()) {
            if (check.condition().eval(row, scope.context()) == Boolean.FALSE) {
                throw new RecallException(ErrorCode.CHECK_VIOLATION, "New row for table " + table.qualifiedName()
                        + " violates check constraint " + check.name() + ": " + check.sql());
            }
        }
    }

    void inserted(Object key, Object[] row) {
        for (ForeignKeyLink link : childLinks()) {
            if (link.childRef(row) != null) {
                deferParentCheck(link, key);
            }
        }
    }

    void updated(Object oldKey, Object[] oldRow, Object newKey, Object[] newRow) {
        for (ForeignKeyLink link : childLinks()) {
            Object[] ref = link.childRef(newRow);
            if (ref != null && (!oldKey.equals(newKey) || !Arrays.equals(ref, link.childRef(oldRow)))) {
                deferParentCheck(link, newKey);
            }
        }
        for (ForeignKeyLink link : parentLinks()) {
            Object[] oldRef = link.parentRef(oldRow);
            if (oldRef != null && !Arrays.equals(oldRef, link.parentRef(newRow))) {
                parentChanged(link, oldRow, oldRef, newRow, link.def.onUpdate());
            }
        }
    }

    void deleted(Object key, Object[] oldRow) {
        for (ForeignKeyLink link : parentLinks()) {
            Object[] oldRef = link.parentRef(oldRow);
            if (oldRef != null) {
                parentChanged(link, oldRow, oldRef, null, link.def.onDelete());
            }
        }
    }

    /** The child row at {@code key} must have its parent when the statement ends (if it still exists then). */
    private void deferParentCheck(ForeignKeyLink link, Object key) {
        RowWriter childWriter = scope.writer(link.child);
        scope.defer(() -> {
            Object[] row = childWriter.currentRow(key);
            Object[] ref = row == null ? null : link.childRef(row);
            if (ref != null && !link.parentExists(ref)) {
                throw link.missingParent(row);
            }
        });
    }

    /** The parent row {@code oldRow} was deleted ({@code newRow} null) or its referenced key changed. */
    private void parentChanged(ForeignKeyLink link, Object[] oldRow, Object[] oldRef, Object[] newRow,
                               ReferentialAction action) {
        boolean delete = newRow == null;
        switch (action) {
            case RESTRICT -> {
                if (!link.children(oldRef).isEmpty()) {
                    throw link.remainingChildren(oldRow, delete);
                }
            }
            case NO_ACTION -> scope.defer(() -> {
                if (!link.parentExists(oldRef) && !link.children(oldRef).isEmpty()) {
                    throw link.remainingChildren(oldRow, delete);
                }
            });
            case CASCADE, SET_NULL, SET_DEFAULT -> {
                RowWriter childWriter = scope.writer(link.child);
                Object[] values = action == ReferentialAction.CASCADE
                        ? (delete ? null : link.parentValues(newRow)) : replacement(link, action);
                for (Object key : link.children(oldRef)) {
                    Object[] row = childWriter.lockAndRead(key);
                    if (row == null || !link.references(row, oldRef)) {
                        continue;
                    }
                    if (values == null) {
                        childWriter.delete(key, row);
                    } else {
                        Object newKey = childWriter.update(key, row,
                                childWriter.assignColumns(row, link.childColumns, values));
                        if (action == ReferentialAction.SET_DEFAULT) {
                            // the default may equal the removed key: the row is unchanged, but its parent is gone
                            deferParentCheck(link, newKey);
                        }
                    }
                }
            }
        }
    }

    /** NULLs, or the key columns' defaults (evaluated once per statement and parent row). */
    private Object[] replacement(ForeignKeyLink link, ReferentialAction action) {
        Object[] values = new Object[link.childColumns.length];
        if (action == ReferentialAction.SET_DEFAULT) {
            for (int i = 0; i < values.length; i++) {
                ColumnDef c = link.child.column(link.childColumns[i]);
                values[i] = c.defaultValue() == null ? null : c.defaultValue().eval(null, scope.context());
            }
        }
        return values;
    }

    private List<ForeignKeyLink> childLinks() {
        if (asChild.size() < table.foreignKeys().size()) {
            asChild.clear();
            for (ForeignKeyDef fk : table.foreignKeys()) {
                TableDef parent = fk.references(table) ? table : scope.tables.table(fk.parentSchema(), fk.parentTable());
                if (parent == null) {
                    throw new RecallException(ErrorCode.TABLE_NOT_FOUND, "Table " + fk.parentQualifiedName()
                            + " referenced by foreign key " + fk.name() + " of table " + table.qualifiedName()
                            + " not found");
                }
                asChild.add(new ForeignKeyLink(fk, table, parent, scope));
            }
        }
        return asChild;
    }

    private List<ForeignKeyLink> parentLinks() {
        if (asParent == null) {
            List<ForeignKeyLink> links = new ArrayList<>();
            for (TableDef child : scope.tables.referencing(table)) {
                TableDef c = child.storageName().equals(table.storageName()) ? table : child;
                for (ForeignKeyDef fk : c.foreignKeys()) {
                    if (fk.references(table)) {
                        links.add(new ForeignKeyLink(fk, c, table, scope));
                    }
                }
            }
            asParent = links;
        }
        return asParent;
    }
}
