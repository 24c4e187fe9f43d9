package io.recall.engine;

import io.recall.engine.catalog.Catalog;
import io.recall.engine.exec.ExistingRows;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.CheckDef;
import io.recall.parser.catalog.ForeignKeyDef;
import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.AddConstraintPlan;
import io.recall.parser.plan.DropConstraintPlan;

import java.util.List;

/**
 * ALTER TABLE ... ADD CONSTRAINT and DROP CONSTRAINT, under the catalog lock, with plans bound under that
 * same lock (so they describe the table as it is). A UNIQUE constraint is a unique index: adding one builds
 * it and claims every row's value ({@link IndexBuilder}). A CHECK or FOREIGN KEY is part of the table's
 * definition: the existing rows are checked and the changed definition published while commits wait (the
 * shared side of the commit gate), so no row is committed between the check and the constraint becoming part
 * of the table; a transaction that wrote the table (or the parent) under the old definition is refused when it
 * commits ({@link NewConstraints}). A violation changes nothing.
 */
final class ConstraintDdl {
    private final Database database;

    ConstraintDdl(Database database) {
        this.database = database;
    }

    void add(AddConstraintPlan plan) {
        if (plan.isNothing()) {
            return;
        }
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            TableDef table = catalog.requireTable(plan.schema(), plan.table());
            if (plan.unique() != null) {
                new DdlExecutor(database).addIndex(table, plan.unique());
            } else if (plan.check() != null) {
                addCheck(table, plan.check());
            } else {
                addForeignKey(table, plan.foreignKey());
            }
        }
    }

    private void addCheck(TableDef table, CheckDef check) {
        TableStore store = database.tableStore(table);
        publishChecked(table.withCheck(check), List.of(store), "check constraint " + check.name(),
                () -> ExistingRows.satisfy(table, check, store));
    }

    private void addForeignKey(TableDef table, ForeignKeyDef foreignKey) {
        Catalog catalog = database.catalog();
        TableDef changed = table.withForeignKey(foreignKey);
        TableDef parent = ForeignKeyRules.validate(catalog, changed, foreignKey, catalog.indexes(table));
        TableStore childStore = database.tableStore(changed);
        TableStore parentStore = database.tableStore(parent);
        List<TableStore> written = childStore == parentStore ? List.of(childStore) : List.of(childStore, parentStore);
        publishChecked(changed, written, "foreign key constraint " + foreignKey.name(),
                () -> ExistingRows.haveParents(changed, foreignKey, parent, database.tables(),
                        database.store().uniqueKeys()));
    }

    /**
     * Checks the existing rows and publishes the changed table while commits wait; from then on, commits of
     * transactions that wrote {@code tightened} tables under the old definition are refused.
     */
    void publishChecked(TableDef changed, List<TableStore> tightened, String what, Runnable checkExistingRows) {
        database.gate().enterRead();
        try {
            checkExistingRows.run();
            database.catalog().replaceTable(changed);
            long version = database.catalog().version();
            for (TableStore store : tightened) {
                database.newConstraints().added(store, version, what + " of table " + changed.qualifiedName());
            }
        } finally {
            database.gate().exitRead();
        }
    }

    void drop(DropConstraintPlan plan) {
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            TableDef table = catalog.table(plan.schema(), plan.table());
            if (table == null) {
                if (plan.ifTableExists()) {
                    return;
                }
                throw new RecallException(ErrorCode.TABLE_NOT_FOUND, "Table " + plan.schema() + "." + plan.table()
                        + " not found");
            }
            String name = plan.name();
            IndexDef index = catalog.index(table.schema(), name);
            if (table.check(name) != null) {
                catalog.replaceTable(table.withoutCheck(name));
            } else if (table.foreignKey(name) != null) {
                catalog.replaceTable(table.withoutForeignKey(name));
            } else if (index != null && index.unique() && index.table().equals(table.name())) {
                dropUnique(table, index, plan.cascade());
            } else if (table.hasPrimaryKey() && name.equals(table.name() + "_PKEY")) {
                new RewriteDdl(database).dropPrimaryKey(table, plan.cascade());
            } else if (!plan.ifExists()) {
                throw new RecallException(ErrorCode.UNDEFINED_OBJECT, "Constraint " + name + " of table "
                        + table.qualifiedName() + " not found");
            }
        }
    }

    /** With {@code cascade}, the foreign keys that rely on the constraint go too, as in PostgreSQL. */
    private void dropUnique(TableDef table, IndexDef index, boolean cascade) {
        Catalog catalog = database.catalog();
        List<ForeignKeyRules.Dependent> dependents = ForeignKeyRules.relyingOn(catalog, index);
        if (!dependents.isEmpty() && !cascade) {
            ForeignKeyRules.Dependent first = dependents.get(0);
            throw new RecallException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "Cannot drop constraint "
                    + index.name() + " of table " + table.qualifiedName() + ": foreign key " + first.foreignKey().name()
                    + " of table " + first.child().qualifiedName() + " relies on it (use CASCADE to drop it too)");
        }
        for (ForeignKeyRules.Dependent d : dependents) {
            // an earlier drop may have replaced the child (it can be the table itself, or hold two such keys)
            TableDef child = catalog.table(d.child().schema(), d.child().name());
            catalog.replaceTable(child.withoutForeignKey(d.foreignKey().name()));
        }
        catalog.removeIndex(index);
        new IndexBuilder(database).remove(catalog.table(table.schema(), table.name()), index);
    }
}
