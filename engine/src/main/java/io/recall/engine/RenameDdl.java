package io.recall.engine;

import io.recall.engine.catalog.Catalog;
import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.RenamePlan;
import io.recall.parser.sql.Renames;

import java.util.ArrayList;
import java.util.List;

/**
 * ALTER TABLE ... RENAME TO and RENAME COLUMN, under the catalog lock: the table keeps its storage and
 * rows; its definition, its indexes and the foreign keys that name it change together, as one catalog
 * version. Views are not rewritten (dependencies are not tracked): a view naming the old table or
 * column fails with 42P01 / 42703 when used, until the name exists again.
 */
final class RenameDdl {
    private final Database database;

    RenameDdl(Database database) {
        this.database = database;
    }

    void rename(RenamePlan plan) {
        if (plan.isNothing()) {
            return;
        }
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            TableDef table = catalog.requireTable(plan.schema(), plan.table());
            if (plan.renamesTable()) {
                renameTable(catalog, table, plan.newName());
            } else {
                renameColumn(catalog, table, plan.column(), plan.newName());
            }
        }
    }

    private static void renameTable(Catalog catalog, TableDef table, String newName) {
        if (catalog.table(table.schema(), newName) != null || catalog.view(table.schema(), newName) != null) {
            throw new RecallException(ErrorCode.TABLE_EXISTS, "Table or view " + table.schema() + "." + newName
                    + " already exists");
        }
        List<IndexDef> indexes = new ArrayList<>();
        for (IndexDef ix : catalog.indexes(table)) {
            indexes.add(Renames.index(ix, newName, null, null));
        }
        List<TableDef> referencing = new ArrayList<>();
        for (TableDef child : catalog.referencing(table)) {
            if (!child.qualifiedName().equals(table.qualifiedName())) {
                referencing.add(Renames.referencingTable(child, table, newName));
            }
        }
        catalog.replace(table, Renames.table(table, newName), List.of(), indexes, referencing);
    }

    private static void renameColumn(Catalog catalog, TableDef table, String column, String newName) {
        if (table.columnIndex(column) < 0) {
            throw new RecallException(ErrorCode.COLUMN_NOT_FOUND, "Column " + column + " not found in table "
                    + table.qualifiedName());
        }
        if (table.columnIndex(newName) >= 0) {
            throw new RecallException(ErrorCode.DUPLICATE_COLUMN, "Column " + newName + " of table "
                    + table.qualifiedName() + " already exists");
        }
        List<IndexDef> indexes = new ArrayList<>();
        for (IndexDef ix : catalog.indexes(table)) {
            indexes.add(Renames.index(ix, table.name(), column, newName));
        }
        List<TableDef> referencing = new ArrayList<>();
        for (TableDef child : catalog.referencing(table)) {
            if (!child.qualifiedName().equals(table.qualifiedName())) {
                referencing.add(Renames.referencingColumn(child, table, column, newName));
            }
        }
        catalog.replace(table, Renames.column(table, column, newName), List.of(), indexes, referencing);
    }
}
