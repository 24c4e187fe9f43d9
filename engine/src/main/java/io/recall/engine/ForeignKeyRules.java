package io.recall.engine;

import io.recall.engine.catalog.Catalog;
import io.recall.parser.catalog.ForeignKeyDef;
import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.types.SqlType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The DDL side of foreign keys, checked against the live catalog under its lock: a new table's
 * foreign keys must reference an existing table's primary key or UNIQUE constraint with columns of
 * comparable types; a referenced table cannot be dropped (CASCADE drops the referencing foreign
 * keys instead, as in PostgreSQL), nor the unique index a foreign key relies on.
 */
final class ForeignKeyRules {
    private ForeignKeyRules() {
    }

    /** {@code uniques} are the new table's own UNIQUE constraints (for a self-reference). */
    static void validate(Catalog catalog, TableDef table, List<IndexDef> uniques) {
        for (ForeignKeyDef fk : table.foreignKeys()) {
            validate(catalog, table, fk, uniques);
        }
    }

    /**
     * One foreign key of {@code table} (the child, which has it among its foreign keys); {@code uniques} are the
     * child's own UNIQUE constraints (for a self-reference). Returns the parent.
     */
    static TableDef validate(Catalog catalog, TableDef table, ForeignKeyDef fk, List<IndexDef> uniques) {
        boolean self = fk.references(table);
        TableDef parent = self ? table : catalog.table(fk.parentSchema(), fk.parentTable());
        if (parent == null) {
            throw new RecallException(ErrorCode.TABLE_NOT_FOUND, "Table " + fk.parentQualifiedName()
                    + " referenced by foreign key " + fk.name() + " not found");
        }
        Set<String> referenced = new HashSet<>();
        for (int i = 0; i < fk.parentColumns().size(); i++) {
            String pc = fk.parentColumns().get(i);
            int p = parent.columnIndex(pc);
            if (p < 0) {
                throw new RecallException(ErrorCode.COLUMN_NOT_FOUND, "Column " + pc + " referenced by foreign key "
                        + fk.name() + " not found in table " + parent.qualifiedName());
            }
            if (!referenced.add(pc)) {
                throw new RecallException(ErrorCode.INVALID_FOREIGN_KEY, "Column " + pc
                        + " is referenced twice by foreign key " + fk.name());
            }
            SqlType childType = table.column(table.columnIndex(fk.columns().get(i))).type().type();
            SqlType parentType = parent.column(p).type().type();
            if (!comparable(childType, parentType)) {
                throw new RecallException(ErrorCode.TYPE_MISMATCH, "Foreign key " + fk.name() + ": column "
                        + fk.columns().get(i) + " (" + childType.sqlName() + ") cannot reference " + pc + " ("
                        + parentType.sqlName() + ")");
            }
        }
        if (!isKey(parent, referenced, self ? uniques : catalog.indexes(parent))) {
            throw new RecallException(ErrorCode.INVALID_FOREIGN_KEY, "There is no primary key or UNIQUE constraint"
                    + " on " + parent.qualifiedName() + " (" + String.join(", ", fk.parentColumns())
                    + ") for foreign key " + fk.name() + " to reference");
        }
        return parent;
    }

    static boolean comparable(SqlType a, SqlType b) {
        return a == b || a.isNumeric() && b.isNumeric() || a.isString() && b.isString()
                || a.isBinary() && b.isBinary() || a.isDateTime() && b.isDateTime();
    }

    private static boolean isKey(TableDef parent, Set<String> columns, List<IndexDef> indexes) {
        Set<String> pk = new HashSet<>();
        for (int k : parent.primaryKey()) {
            pk.add(parent.column(k).name());
        }
        if (!pk.isEmpty() && pk.equals(columns)) {
            return true;
        }
        for (IndexDef ix : indexes) {
            if (ix.unique() && ix.table().equals(parent.name()) && new HashSet<>(ix.columns()).equals(columns)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Before {@code table} is dropped: other tables' foreign keys that reference it are refused
     * with 2BP01, or dropped from those tables when {@code cascade}.
     */
    static void dropReferences(Catalog catalog, TableDef table, boolean cascade) {
        for (TableDef child : catalog.referencing(table)) {
            if (child.qualifiedName().equals(table.qualifiedName())) {
                continue;
            }
            TableDef changed = child;
            for (ForeignKeyDef fk : child.foreignKeys()) {
                if (!fk.references(table)) {
                    continue;
                }
                if (!cascade) {
                    throw new RecallException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "Cannot drop table "
                            + table.qualifiedName() + ": foreign key " + fk.name() + " of table "
                            + child.qualifiedName() + " references it (drop that table first, or use CASCADE)");
                }
                changed = changed.withoutForeignKey(fk.name());
            }
            catalog.replaceTable(changed);
        }
    }

    /** A unique index that is the only key a foreign key references cannot be dropped. */
    static void checkIndexDrop(Catalog catalog, IndexDef index) {
        List<Dependent> dependents = relyingOn(catalog, index);
        if (!dependents.isEmpty()) {
            Dependent d = dependents.get(0);
            throw new RecallException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "Cannot drop index "
                    + index.qualifiedName() + ": foreign key " + d.foreignKey().name() + " of table "
                    + d.child().qualifiedName() + " relies on it");
        }
    }

    /** A foreign key of {@code child} that relies on a unique index. */
    record Dependent(TableDef child, ForeignKeyDef foreignKey) {
    }

    /** The foreign keys for which {@code index} is the only key of their parent covering the referenced columns. */
    static List<Dependent> relyingOn(Catalog catalog, IndexDef index) {
        TableDef parent = index.unique() ? catalog.table(index.schema(), index.table()) : null;
        if (parent == null) {
            return List.of();
        }
        List<IndexDef> others = catalog.indexes(parent).stream().filter(ix -> !ix.name().equals(index.name())).toList();
        List<Dependent> out = new ArrayList<>();
        for (TableDef child : catalog.referencing(parent)) {
            for (ForeignKeyDef fk : child.foreignKeys()) {
                Set<String> cols = new HashSet<>(fk.parentColumns());
                if (fk.references(parent) && cols.equals(new HashSet<>(index.columns())) && !isKey(parent, cols, others)) {
                    out.add(new Dependent(child, fk));
                }
            }
        }
        return out;
    }
}
