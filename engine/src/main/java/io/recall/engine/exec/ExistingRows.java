package io.recall.engine.exec;

import io.recall.engine.storage.RowFilter;
import io.recall.engine.storage.TableStore;
import io.recall.engine.storage.UniqueKeys;
import io.recall.parser.catalog.CheckDef;
import io.recall.parser.catalog.ForeignKeyDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.EvalContext;

/**
 * Checks the rows a table already has against a CHECK, FOREIGN KEY or NOT NULL constraint that ALTER
 * TABLE is adding (a UNIQUE constraint is checked by building its index). Reads the committed rows without
 * locks and outside any transaction: the caller keeps commits out meanwhile (the shared side of the
 * commit gate) and publishes the constraint before it lets them in again.
 */
public final class ExistingRows {
    private ExistingRows() {
    }

    /** Fails with 23514 when the condition is FALSE for some row (NULL passes, as on writes). */
    public static void satisfy(TableDef table, CheckDef check, TableStore store) {
        EvalContext context = new EvalContext(0);
        Object[] failing = firstMatch(store, row -> check.condition().eval(row, context) == Boolean.FALSE);
        if (failing != null) {
            throw new RecallException(ErrorCode.CHECK_VIOLATION, "Cannot add check constraint " + check.name()
                    + " to table " + table.qualifiedName() + ": an existing row violates it: " + check.sql());
        }
    }

    /** Fails with 23502 when a row has NULL in column {@code column}. */
    public static void haveValues(TableDef table, int column, TableStore store) {
        if (firstMatch(store, row -> row[column] == null) != null) {
            throw new RecallException(ErrorCode.NOT_NULL_VIOLATION, "Cannot make column " + table.column(column).name()
                    + " of table " + table.qualifiedName() + " NOT NULL: an existing row has NULL in it");
        }
    }

    /** Fails with 23503 when a row whose key has no NULL (MATCH SIMPLE) has no parent row. */
    public static void haveParents(TableDef child, ForeignKeyDef foreignKey, TableDef parent, Tables tables,
                                   UniqueKeys uniqueKeys) {
        ForeignKeyLink link = new ForeignKeyLink(foreignKey, child, parent, WriteScope.forReading(tables, uniqueKeys));
        Object[] orphan = firstMatch(tables.store(child), row -> {
            Object[] ref = link.childRef(row);
            return ref != null && !link.committedParentExists(ref);
        });
        if (orphan != null) {
            throw link.existingRowWithoutParent(orphan);
        }
    }

    private static Object[] firstMatch(TableStore store, RowFilter filter) {
        Object[][] found = new Object[1][];
        store.scan(filter, (key, row) -> {
            found[0] = row;
            return false;
        });
        return found[0];
    }
}
