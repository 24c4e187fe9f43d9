package io.recall.engine;

import io.recall.engine.catalog.Catalog;
import io.recall.parser.catalog.ColumnDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.CreateTablePlan;
import io.recall.parser.plan.DropTablePlan;
import io.recall.parser.plan.SchemaPlan;

/**
 * Runs CREATE/DROP TABLE and CREATE/DROP SCHEMA: the catalog entry and the table's store change
 * together, store first on create and catalog first on drop, so a failure never leaves a
 * catalog entry without its rows.
 */
final class DdlExecutor {
    private final Database database;

    DdlExecutor(Database database) {
        this.database = database;
    }

    void createTable(CreateTablePlan plan) {
        TableDef def = plan.table();
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            if (catalog.table(def.schema(), def.name()) != null) {
                if (plan.ifNotExists()) {
                    return;
                }
                throw new RecallException(ErrorCode.TABLE_EXISTS, "Table " + def.qualifiedName() + " already exists");
            }
            if (!catalog.schemaExists(def.schema())) {
                throw new RecallException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + def.schema() + " not found");
            }
            String storageName = "t" + database.store().sequences().next("catalog#tables");
            TableDef stored = new TableDef(def.schema(), def.name(), def.columns(), def.primaryKey(), storageName);
            database.createTableStore(storageName);
            try {
                catalog.addTable(stored);
            } catch (RuntimeException e) {
                database.dropTableStore(storageName);
                throw e;
            }
        }
    }

    void dropTable(DropTablePlan plan) {
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            TableDef def = catalog.table(plan.schema(), plan.name());
            if (def == null) {
                if (plan.ifExists()) {
                    return;
                }
                if (!catalog.schemaExists(plan.schema())) {
                    throw new RecallException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + plan.schema() + " not found");
                }
                throw new RecallException(ErrorCode.TABLE_NOT_FOUND,
                        "Table " + plan.schema() + "." + plan.name() + " not found");
            }
            drop(def);
        }
    }

    private void drop(TableDef def) {
        database.catalog().removeTable(def);
        database.dropTableStore(def.storageName());
        var sequences = database.store().sequences();
        sequences.drop(def.storageName() + "#rowid");
        for (int i = 0; i < def.columnCount(); i++) {
            ColumnDef c = def.column(i);
            if (c.isIdentity()) {
                sequences.drop(def.storageName() + "#identity#" + i);
            }
        }
    }

    void schema(SchemaPlan plan) {
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            switch (plan.action()) {
                case CREATE -> {
                    if (catalog.schemaExists(plan.schema())) {
                        if (plan.ifExistsOrNot()) {
                            return;
                        }
                        throw new RecallException(ErrorCode.SCHEMA_EXISTS, "Schema " + plan.schema() + " already exists");
                    }
                    catalog.createSchema(plan.schema());
                }
                case DROP -> {
                    if (!catalog.schemaExists(plan.schema())) {
                        if (plan.ifExistsOrNot()) {
                            return;
                        }
                        throw new RecallException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + plan.schema() + " not found");
                    }
                    if (plan.cascade()) {
                        for (TableDef t : catalog.tables(plan.schema())) {
                            drop(t);
                        }
                    }
                    catalog.dropSchema(plan.schema());
                }
                default -> throw new IllegalStateException("SET SCHEMA is a session command");
            }
        }
    }
}
