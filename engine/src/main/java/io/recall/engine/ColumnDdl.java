package io.recall.engine;

import io.recall.engine.catalog.Catalog;
import io.recall.engine.exec.ExistingRows;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.ColumnDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.AlterColumnPlan;

import java.util.List;

/**
 * ALTER TABLE ... ALTER COLUMN SET/DROP DEFAULT and SET/DROP NOT NULL, under the catalog lock. None of
 * them rewrites a row: a DEFAULT applies to rows inserted from then on, as in PostgreSQL. SET NOT NULL
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
            TableDef table = catalog.table(plan.schema(), plan.table());
            if (table == null) {
                throw new RecallException(ErrorCode.TABLE_NOT_FOUND, "Table " + plan.schema() + "." + plan.table()
                        + " not found");
            }
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
                    catalog.replaceTable(table.withColumn(i, new ColumnDef(c.name(), c.type(), c.notNull(),
                            plan.defaultSql(), plan.defaultValue(), c.identity())));
                }
                case DROP_DEFAULT -> catalog.replaceTable(table.withColumn(i, new ColumnDef(c.name(), c.type(),
                        c.notNull(), null, null, c.identity())));
                case DROP_NOT_NULL -> {
                    if (table.isPrimaryKeyColumn(i)) {
                        throw new RecallException(ErrorCode.INVALID_DEFINITION, "Column " + c.name() + " of table "
                                + table.qualifiedName() + " is in the primary key and stays NOT NULL");
                    }
                    catalog.replaceTable(table.withColumn(i, new ColumnDef(c.name(), c.type(), false,
                            c.defaultSql(), c.defaultValue(), c.identity())));
                }
                case SET_NOT_NULL -> setNotNull(table, i);
            }
        }
    }

    private void setNotNull(TableDef table, int i) {
        ColumnDef c = table.column(i);
        if (c.notNull()) {
            return;
        }
        TableDef changed = table.withColumn(i, new ColumnDef(c.name(), c.type(), true, c.defaultSql(),
                c.defaultValue(), c.identity()));
        TableStore store = database.tableStore(table);
        new ConstraintDdl(database).publishChecked(changed, List.of(store), "NOT NULL on column " + c.name(),
                () -> ExistingRows.haveValues(table, i, store));
    }
}
