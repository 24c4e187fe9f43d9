package io.recall.engine;

import io.recall.engine.catalog.Catalog;
import io.recall.parser.catalog.CheckDef;
import io.recall.parser.catalog.ColumnDef;
import io.recall.parser.catalog.ForeignKeyDef;
import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.TableOptions;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.plan.ColumnTypePlan;
import io.recall.parser.plan.DropColumnPlan;
import io.recall.parser.plan.PrimaryKeyPlan;
import io.recall.parser.plan.TableOptionsPlan;
import io.recall.parser.sql.Renames;
import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The ALTER TABLE actions that rewrite every row ({@link TableRewrite}): DROP COLUMN, ALTER COLUMN TYPE, ADD PRIMARY
 * KEY and DROP PRIMARY KEY, under the catalog lock. Each works out the new definition, the indexes that survive,
 * the foreign keys that go with it (those of other tables need CASCADE, as in PostgreSQL) and how a row changes.
 */
final class RewriteDdl {
    private final Database database;

    RewriteDdl(Database database) {
        this.database = database;
    }

    /**
     * The column goes with the indexes, CHECKs and foreign keys of the table that involve it, and with the primary
     * key if it is part of it; foreign keys of other tables that reference it need CASCADE.
     */
    void dropColumn(DropColumnPlan plan) {
        if (plan.isNothing()) {
            return;
        }
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            TableDef table = catalog.requireTable(plan.schema(), plan.table());
            String name = plan.column();
            int dropped = requireColumn(table, name);
            if (table.columnCount() == 1) {
                throw new RecallException(ErrorCode.INVALID_DEFINITION, "Cannot drop column " + name + ": it is the only"
                        + " column of table " + table.qualifiedName());
            }
            String what = "drop column " + name;
            References refs = references(table, fk -> fk.parentColumns().contains(name), plan.cascade(), what);
            List<ColumnDef> columns = new ArrayList<>(table.columns());
            columns.remove(dropped);
            int[] origin = new int[columns.size()];
            for (int j = 0; j < origin.length; j++) {
                origin[j] = j < dropped ? j : j + 1;
            }
            int[] primaryKey = table.isPrimaryKeyColumn(dropped) ? new int[0] : shifted(table.primaryKey(), dropped);
            List<CheckDef> checks = table.checks().stream().filter(c -> !Renames.mentions(c.sql(), name)).toList();
            List<ForeignKeyDef> foreignKeys = refs.own().stream().filter(fk -> !fk.columns().contains(name)).toList();
            TableDef changed = new TableDef(table.schema(), table.name(), columns, primaryKey, table.storageName(),
                    checks, foreignKeys, table.options());
            List<IndexDef> indexes = catalog.indexes(table).stream().filter(ix -> !ix.columns().contains(name)).toList();
            new TableRewrite(database).run(new TableRewrite.Change(table, changed, indexes, refs.children(), origin,
                    row -> {
                        Object[] out = new Object[row.length - 1];
                        System.arraycopy(row, 0, out, 0, dropped);
                        System.arraycopy(row, dropped + 1, out, dropped, out.length - dropped);
                        return out;
                    }, what));
        }
    }

    /**
     * Every value is converted by an assignment cast (of the USING expression, when given); a value that does not
     * convert fails the statement naming its row. Foreign keys on the column must stay between comparable types.
     */
    void changeType(ColumnTypePlan plan) {
        if (plan.isNothing()) {
            return;
        }
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            TableDef table = catalog.requireTable(plan.schema(), plan.table());
            int c = requireColumn(table, plan.column());
            ColumnDef column = table.column(c);
            ColumnType type = plan.type();
            if (plan.using() == null && column.type().equals(type)) {
                return;
            }
            TableDef changed = table.withColumn(c, new ColumnDef(column.name(), type, column.notNull(),
                    column.defaultSql(), null, column.identity(), column.missingSql(), column.missingValue()));
            checkForeignKeyTypes(catalog, changed, column.name());
            String what = "change column " + column.name() + " to " + type.sqlName();
            EvalContext context = new EvalContext(0);
            new TableRewrite(database).run(new TableRewrite.Change(table, changed, catalog.indexes(table), List.of(),
                    identity(table.columnCount()), row -> {
                        Object value = plan.using() == null ? row[c] : plan.using().eval(row, context);
                        Object[] out = row.clone();
                        try {
                            out[c] = Cast.assign(value, type);
                        } catch (RecallException e) {
                            throw new RecallException(e.code(), "Cannot " + what + " of table " + table.qualifiedName()
                                    + ": the value " + value + " of " + TableRewrite.describe(table, row)
                                    + " does not convert (" + e.getMessage() + ")", e);
                        }
                        return out;
                    }, what));
        }
    }

    /** ADD PRIMARY KEY makes its columns NOT NULL; a NULL or a duplicate key fails naming the row. */
    void primaryKey(PrimaryKeyPlan plan) {
        if (plan.isNothing()) {
            return;
        }
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            TableDef table = catalog.requireTable(plan.schema(), plan.table());
            if (plan.adds()) {
                addPrimaryKey(catalog, table, plan.columns());
            } else {
                dropPrimaryKey(table, plan.cascade());
            }
        }
    }

    private void addPrimaryKey(Catalog catalog, TableDef table, List<String> names) {
        if (table.hasPrimaryKey()) {
            throw new RecallException(ErrorCode.INVALID_DEFINITION, "Table " + table.qualifiedName()
                    + " already has a primary key (drop it first)");
        }
        int[] primaryKey = new int[names.size()];
        TableDef changed = table;
        for (int i = 0; i < primaryKey.length; i++) {
            primaryKey[i] = requireColumn(table, names.get(i));
            ColumnDef c = table.column(primaryKey[i]);
            changed = changed.withColumn(primaryKey[i], c.with(true, c.defaultSql(), c.defaultValue()));
        }
        changed = new TableDef(table.schema(), table.name(), changed.columns(), primaryKey, table.storageName(),
                table.checks(), table.foreignKeys(), table.options());
        new TableRewrite(database).run(new TableRewrite.Change(table, changed, catalog.indexes(table), List.of(),
                identity(table.columnCount()), row -> row, "add a primary key"));
    }

    /**
     * The key columns stay NOT NULL, as in PostgreSQL; rows are keyed by hidden row ids from then on. Foreign keys
     * referencing the primary key (and no UNIQUE constraint on the same columns) need CASCADE.
     */
    void dropPrimaryKey(TableDef table, boolean cascade) {
        if (!table.hasPrimaryKey()) {
            throw new RecallException(ErrorCode.UNDEFINED_OBJECT, "Table " + table.qualifiedName()
                    + " has no primary key");
        }
        Catalog catalog = database.catalog();
        Set<String> keyColumns = new HashSet<>();
        TableDef changed = table;
        for (int k : table.primaryKey()) {
            ColumnDef c = table.column(k);
            keyColumns.add(c.name());
            changed = changed.withColumn(k, c.with(true, c.defaultSql(), c.defaultValue()));
        }
        String what = "drop the primary key";
        boolean uniqueToo = catalog.indexes(table).stream()
                .anyMatch(ix -> ix.unique() && new HashSet<>(ix.columns()).equals(keyColumns));
        References refs = references(table, fk -> !uniqueToo && new HashSet<>(fk.parentColumns()).equals(keyColumns),
                cascade, what);
        changed = new TableDef(table.schema(), table.name(), changed.columns(), new int[0], table.storageName(),
                table.checks(), refs.own(), table.options());
        new TableRewrite(database).run(new TableRewrite.Change(table, changed, catalog.indexes(table), refs.children(),
                identity(table.columnCount()), row -> row, what));
    }

    /**
     * ALTER TABLE ... SET (storage = ..., type = ...): the rows move into a store of the new type (Mnesia's
     * change_table_copy_type), as a row rewrite that changes no value, so readers see the table before or after.
     */
    void changeOptions(TableOptionsPlan plan) {
        if (plan.isNothing()) {
            return;
        }
        Catalog catalog = database.catalog();
        synchronized (catalog) {
            TableDef table = catalog.requireTable(plan.schema(), plan.table());
            TableOptions next = plan.options().orElse(table.options());
            if (next.equals(table.options())) {
                return;
            }
            database.settings().checkStorage(next, table.qualifiedName());
            new TableRewrite(database).run(new TableRewrite.Change(table, table.withOptions(next), catalog.indexes(table),
                    List.of(), identity(table.columnCount()), row -> row, "move to " + next.describe()));
        }
    }

    /** The definitions that lose foreign keys with the change: the table's own, and other tables'. */
    private record References(TableDef table, Map<String, TableDef> changed) {
        /** The table's own foreign keys, without the self-references that go. */
        List<ForeignKeyDef> own() {
            return changed.getOrDefault(table.qualifiedName(), table).foreignKeys();
        }

        /** The other tables whose foreign keys go. */
        List<TableDef> children() {
            return changed.values().stream().filter(t -> !t.qualifiedName().equals(table.qualifiedName())).toList();
        }
    }

    /** The foreign keys that {@code relies} on the part of the table that goes; refused unless {@code cascade}. */
    private References references(TableDef table, Predicate<ForeignKeyDef> relies, boolean cascade, String what) {
        Map<String, TableDef> changed = new LinkedHashMap<>();
        for (TableDef child : database.catalog().referencing(table)) {
            TableDef current = child;
            for (ForeignKeyDef fk : child.foreignKeys()) {
                if (!fk.references(table) || !relies.test(fk)) {
                    continue;
                }
                if (!cascade) {
                    throw new RecallException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "Cannot " + what + " of table "
                            + table.qualifiedName() + ": foreign key " + fk.name() + " of table " + child.qualifiedName()
                            + " references it (use CASCADE to drop that foreign key too)");
                }
                current = current.withoutForeignKey(fk.name());
            }
            if (current != child) {
                changed.put(child.qualifiedName(), current);
            }
        }
        return new References(table, changed);
    }

    private static void checkForeignKeyTypes(Catalog catalog, TableDef changed, String column) {
        for (ForeignKeyDef fk : changed.foreignKeys()) {
            int i = fk.columns().indexOf(column);
            if (i >= 0) {
                TableDef parent = fk.references(changed) ? changed : catalog.table(fk.parentSchema(), fk.parentTable());
                checkComparable(changed, column, parent, fk.parentColumns().get(i), fk);
            }
        }
        for (TableDef child : catalog.referencing(changed)) {
            for (ForeignKeyDef fk : child.foreignKeys()) {
                int i = fk.parentColumns().indexOf(column);
                if (fk.references(changed) && i >= 0) {
                    TableDef from = child.qualifiedName().equals(changed.qualifiedName()) ? changed : child;
                    checkComparable(from, fk.columns().get(i), changed, column, fk);
                }
            }
        }
    }

    private static void checkComparable(TableDef child, String childColumn, TableDef parent, String parentColumn,
                                        ForeignKeyDef fk) {
        var childType = child.column(child.columnIndex(childColumn)).type().type();
        var parentType = parent.column(parent.columnIndex(parentColumn)).type().type();
        if (!ForeignKeyRules.comparable(childType, parentType)) {
            throw new RecallException(ErrorCode.TYPE_MISMATCH, "Foreign key " + fk.name() + " of table "
                    + child.qualifiedName() + " would join column " + childColumn + " (" + childType.sqlName() + ") to "
                    + parentColumn + " (" + parentType.sqlName() + ") of " + parent.qualifiedName());
        }
    }

    private static int requireColumn(TableDef table, String name) {
        int i = table.columnIndex(name);
        if (i < 0) {
            throw new RecallException(ErrorCode.COLUMN_NOT_FOUND, "Column " + name + " not found in table "
                    + table.qualifiedName());
        }
        return i;
    }

    private static int[] shifted(int[] positions, int removed) {
        int[] out = positions.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] > removed) {
                out[i]--;
            }
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
