package io.recall.engine;

import io.recall.engine.catalog.Catalog;
import io.recall.engine.exec.ExistingRows;
import io.recall.engine.storage.RowShape;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.ColumnDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.AddColumnPlan;
import io.recall.parser.plan.AlterColumnPlan;
import io.recall.parser.types.Cast;

import java.util.List;

/**
 * ALTER TABLE ... ADD COLUMN and ALTER COLUMN SET/DROP DEFAULT and SET/DROP NOT NULL, under the catalog
 * lock. None of them rewrites a row: a DEFAULT applies to rows inserted from then on, as in PostgreSQL. SET NOT NULL
 * checks the existing rows first and is published like an added CHECK constraint ({@link ConstraintDdl}):
 * while commits wait, and refusing the commit of a transaction that wrote the table before it.
 */
final class ColumnDdl {
    private final Database database;

    ColumnDdl(Database database) {
        this.database = database;
    }

    void alter(AlterColumnPlan plan) {
        if (plan.isNothing()) {
            return;
        }
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            TableDef table = catalog.requireTable(plan.schema(), plan.table());
            int i = table.columnIndex(plan.column());
            if (i < 0) {
                throw new RecallException(ErrorCode.COLUMN_NOT_FOUND, "Column " + plan.column() + " not found in table "
                        + table.qualifiedName());
            }
            ColumnDef c = table.column(i);
            switch (plan.change()) {
                case SET_DEFAULT -> {
                    if (c.isIdentity()) {
                        throw new RecallException(ErrorCode.INVALID_DEFINITION, "Column " + c.name() + " of table "
                                + table.qualifiedName() + " is an identity column and cannot have a DEFAULT");
                    }
                    catalog.replaceTable(table.withColumn(i, c.with(c.notNull(), plan.defaultSql(),
                            plan.defaultValue())));
                }
                case DROP_DEFAULT -> catalog.replaceTable(table.withColumn(i, c.with(c.notNull(), null, null)));
                case DROP_NOT_NULL -> {
                    if (table.isPrimaryKeyColumn(i)) {
                        throw new RecallException(ErrorCode.INVALID_DEFINITION, "Column " + c.name() + " of table "
                                + table.qualifiedName() + " is in the primary key and stays NOT NULL");
                    }
                    catalog.replaceTable(table.withColumn(i, c.with(false, c.defaultSql(), c.defaultValue())));
                }
                case SET_NOT_NULL -> setNotNull(table, i);
            }
        }
    }

    /**
     * Adds the column last. No row is rewritten: the rows stored before keep their width and are read
     * padded with the column's missing value (its DEFAULT now, or NULL; {@link RowShape}). The store
     * is told the new shape before the wider definition is published, while commits wait, so no
     * statement reads a row narrower than the table it was planned for.
     */
    void addColumn(AddColumnPlan plan) {
        if (plan.isNothing()) {
            return;
        }
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            TableDef table = catalog.requireTable(plan.schema(), plan.table());
            ColumnDef c = plan.column();
            if (table.columnIndex(c.name()) >= 0) {
                throw new RecallException(ErrorCode.DUPLICATE_COLUMN, "Column " + c.name() + " of table "
                        + table.qualifiedName() + " already exists");
            }
            TableStore store = database.tableStore(table);
            String missingSql = missingSql(table, c, store);
            Object missing = c.defaultValue() == null || !c.defaultValue().isConstant() ? null
                    : Cast.assign(c.defaultValue().eval(null, null), c.type());
            if (c.notNull() && missing == null && store.estimatedRows() > 0) {
                throw new RecallException(ErrorCode.NOT_NULL_VIOLATION, "Cannot add column " + c.name()
                        + " NOT NULL without a DEFAULT to table " + table.qualifiedName() + ": it has rows");
            }
            TableDef changed = table.withAddedColumn(new ColumnDef(c.name(), c.type(), c.notNull(), c.defaultSql(),
                    c.defaultValue(), c.identity(), missingSql, missing));
            database.gate().enterCommit();
            try {
                store.setRowShape(Database.shapeOf(changed));
                catalog.replaceTable(changed);
            } finally {
                database.gate().exitCommit();
            }
        }
    }

    /** The missing value as SQL: the DEFAULT when it is a constant; a changing one is refused on a table with rows. */
    private static String missingSql(TableDef table, ColumnDef c, TableStore store) {
        if (c.defaultValue() == null) {
            return "NULL";
        }
        if (c.defaultValue().isConstant()) {
            return c.defaultSql();
        }
        if (store.estimatedRows() > 0) {
            throw RecallException.notSupported("ADD COLUMN " + c.name() + " with a DEFAULT that is not a constant ("
                    + c.defaultSql() + ") to table " + table.qualifiedName() + ", which has rows: add it without the"
                    + " DEFAULT, fill it with UPDATE, then SET DEFAULT");
        }
        return "NULL";
    }

    private void setNotNull(TableDef table, int i) {
        ColumnDef c = table.column(i);
        if (c.notNull()) {
            return;
        }
        TableDef changed = table.withColumn(i, c.with(true, c.defaultSql(), c.defaultValue()));
        TableStore store = database.tableStore(table);
        new ConstraintDdl(database).publishChecked(changed, List.of(store), "NOT NULL on column " + c.name(),
                () -> ExistingRows.haveValues(table, i, store));
    }
}
