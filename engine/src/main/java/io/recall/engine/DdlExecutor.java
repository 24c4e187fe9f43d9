package io.recall.engine;

import io.recall.engine.catalog.Catalog;
import io.recall.engine.exec.RowWriter;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.ColumnDef;
import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.SetType;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.TableOptions;
import io.recall.parser.catalog.ViewDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.CreateIndexPlan;
import io.recall.parser.plan.CreateTablePlan;
import io.recall.parser.plan.DropIndexPlan;
import io.recall.parser.plan.CreateFunctionPlan;
import io.recall.parser.plan.CreateViewPlan;
import io.recall.parser.plan.DropFunctionPlan;
import io.recall.parser.plan.DropTablePlan;
import io.recall.parser.plan.DropViewPlan;
import io.recall.parser.plan.SchemaPlan;

import java.util.List;

/**
 * Runs CREATE/DROP TABLE, CREATE/DROP INDEX, CREATE/DROP VIEW and CREATE/DROP SCHEMA: a table's catalog entry and its
 * store change together, store first on create and catalog first on drop, so a failure never
 * leaves a catalog entry without its rows. A view is only a catalog entry.
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
            boolean isView = catalog.view(def.schema(), def.name()) != null;
            if (isView || catalog.table(def.schema(), def.name()) != null) {
                if (plan.ifNotExists()) {
                    return;
                }
                throw new RecallException(ErrorCode.TABLE_EXISTS,
                        (isView ? "View " : "Table ") + def.qualifiedName() + " already exists");
            }
            if (!catalog.schemaExists(def.schema())) {
                throw new RecallException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + def.schema() + " not found");
            }
            for (IndexDef unique : plan.uniques()) {
                if (catalog.index(unique.schema(), unique.name()) != null) {
                    throw new RecallException(ErrorCode.INDEX_EXISTS, "Index " + unique.qualifiedName() + " already exists");
                }
            }
            ForeignKeyRules.validate(catalog, def, plan.uniques());
            TableOptions options = options(def);
            String storageName = "t" + database.store().sequences().next("catalog#tables");
            TableDef stored = def.withStorageName(storageName).withOptions(options);
            database.createTableStore(stored);
            try {
                catalog.addTable(stored);
            } catch (RuntimeException e) {
                database.dropTableStore(storageName);
                throw e;
            }
            try {
                for (IndexDef unique : plan.uniques()) {
                    addIndex(stored, unique);
                }
            } catch (RuntimeException e) {
                drop(stored);
                throw e;
            }
        }
    }

    /**
     * The table's storage and table type, what CREATE TABLE did not say taken from the database's defaults. A
     * default {@code ordered_set} applies to tables with a primary key only (it is their key order); others get
     * {@code set}. An in-memory database refuses the disc types with {@code 0A000}.
     */
    private TableOptions options(TableDef def) {
        DatabaseSettings settings = database.settings();
        TableOptions defaults = settings.defaults();
        if (!def.hasPrimaryKey()) {
            defaults = new TableOptions(defaults.storage(), SetType.SET);
        }
        TableOptions options = def.options().orElse(defaults);
        settings.checkStorage(options, def.qualifiedName());
        return options;
    }

    void createIndex(CreateIndexPlan plan) {
        IndexDef def = plan.index();
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            if (catalog.index(def.schema(), def.name()) != null) {
                if (plan.ifNotExists()) {
                    return;
                }
                throw new RecallException(ErrorCode.INDEX_EXISTS, "Index " + def.qualifiedName() + " already exists");
            }
            addIndex(catalog.requireTable(def.schema(), def.table()), def);
        }
    }

    /**
     * Builds the index from the rows (a unique one checks them), then publishes it in the catalog. Called under
     * the catalog lock. Transactions that wrote the table before a unique index existed claim their rows under
     * it when they commit ({@code WriteSet#claimUnderNewUniqueIndexes}).
     */
    void addIndex(TableDef table, IndexDef def) {
        IndexDef stored = def.withStorageName("i" + database.store().sequences().next("catalog#indexes"));
        IndexBuilder builder = new IndexBuilder(database);
        builder.build(table, stored);
        try {
            database.catalog().addIndex(stored);
        } catch (RuntimeException e) {
            builder.remove(table, stored);
            throw e;
        }
    }

    void dropIndex(DropIndexPlan plan) {
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            IndexDef index = catalog.index(plan.schema(), plan.name());
            if (index == null) {
                if (plan.ifExists()) {
                    return;
                }
                if (!catalog.schemaExists(plan.schema())) {
                    throw new RecallException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + plan.schema() + " not found");
                }
                throw new RecallException(ErrorCode.UNDEFINED_OBJECT, "Index " + plan.schema() + "." + plan.name()
                        + " not found");
            }
            ForeignKeyRules.checkIndexDrop(catalog, index);
            catalog.removeIndex(index);
            new IndexBuilder(database).remove(catalog.table(index.schema(), index.table()), index);
        }
    }

    void dropTable(DropTablePlan plan) {
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            TableDef def = catalog.table(plan.schema(), plan.name());
            if (def == null) {
                if (catalog.view(plan.schema(), plan.name()) != null) {
                    throw new RecallException(ErrorCode.WRONG_OBJECT_TYPE,
                            plan.schema() + "." + plan.name() + " is a view, not a table; use DROP VIEW");
                }
                if (plan.ifExists()) {
                    return;
                }
                if (!catalog.schemaExists(plan.schema())) {
                    throw new RecallException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + plan.schema() + " not found");
                }
                throw new RecallException(ErrorCode.TABLE_NOT_FOUND,
                        "Table " + plan.schema() + "." + plan.name() + " not found");
            }
            ForeignKeyRules.dropReferences(catalog, def, plan.cascade());
            drop(def);
        }
    }

    /** Views that read a dropped table are kept; they fail when used (see ARCHITECTURE.md). */
    void createFunction(CreateFunctionPlan plan) {
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            if (plan.ifNotExists() && catalog.function(plan.function().name()) != null) {
                return;
            }
            catalog.putFunction(plan.function(), plan.orReplace());
        }
    }

    void dropFunction(DropFunctionPlan plan) {
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            if (catalog.function(plan.name()) != null) {
                catalog.removeFunction(plan.name());
            } else if (!plan.ifExists()) {
                throw new RecallException(ErrorCode.FUNCTION_NOT_FOUND, "Function " + plan.name() + " does not exist");
            }
        }
    }

    void createView(CreateViewPlan plan) {
        database.catalog().putView(plan.view(), plan.orReplace());
    }

    void dropView(DropViewPlan plan) {
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            ViewDef view = catalog.view(plan.schema(), plan.name());
            if (view != null) {
                catalog.removeView(view);
                return;
            }
            if (catalog.table(plan.schema(), plan.name()) != null) {
                throw new RecallException(ErrorCode.WRONG_OBJECT_TYPE,
                        plan.schema() + "." + plan.name() + " is a table, not a view; use DROP TABLE");
            }
            if (plan.ifExists()) {
                return;
            }
            if (!catalog.schemaExists(plan.schema())) {
                throw new RecallException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + plan.schema() + " not found");
            }
            throw new RecallException(ErrorCode.TABLE_NOT_FOUND,
                    "View " + plan.schema() + "." + plan.name() + " not found");
        }
    }

    private void drop(TableDef def) {
        List<IndexDef> indexes = database.catalog().indexes(def);
        database.catalog().removeTable(def);
        for (IndexDef index : indexes) {
            if (index.unique()) {
                database.store().uniqueKeys().dropConstraint(index.storageName());
            }
        }
        database.dropTableStore(def.storageName());
        var sequences = database.store().sequences();
        sequences.drop(RowWriter.rowIdSequence(def));
        for (int i = 0; i < def.columnCount(); i++) {
            ColumnDef c = def.column(i);
            if (c.isIdentity()) {
                sequences.drop(RowWriter.identitySequence(def, i));
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
                        for (ViewDef v : catalog.views(plan.schema())) {
                            catalog.removeView(v);
                        }
                        for (TableDef t : catalog.tables(plan.schema())) {
                            ForeignKeyRules.dropReferences(catalog, catalog.table(t.schema(), t.name()), true);
                        }
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
