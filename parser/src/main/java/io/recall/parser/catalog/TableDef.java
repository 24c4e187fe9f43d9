package io.recall.parser.catalog;

import io.recall.parser.error.RecallException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table's definition as the catalog holds it: columns in storage order (rows are stored as
 * arrays in exactly this order), the primary-key column positions (empty: rows are keyed by a
 * hidden row id), the name of the store that holds its rows, and its CHECK and FOREIGN KEY
 * constraints (written into the table's CREATE TABLE text; UNIQUE constraints are indexes), and its
 * storage and table type ({@link TableOptions}; unspecified until the table is created).
 */
public record TableDef(String schema, String name, List<ColumnDef> columns, int[] primaryKey, String storageName,
                       List<CheckDef> checks, List<ForeignKeyDef> foreignKeys, TableOptions options) {
    public TableDef {
        checks = checks == null ? List.of() : List.copyOf(checks);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        options = options == null ? TableOptions.UNSPECIFIED : options;
        for (int k : primaryKey) {
            ColumnDef c = columns.get(k);
            if (!c.type().type().isIndexable()) {
                throw RecallException.notSupported("A primary key on column " + c.name() + " of type "
                        + c.type().sqlName() + " (in table " + name + ")");
            }
        }
    }

    /** A table whose storage and table type are not specified (the database's defaults). */
    public TableDef(String schema, String name, List<ColumnDef> columns, int[] primaryKey, String storageName,
                    List<CheckDef> checks, List<ForeignKeyDef> foreignKeys) {
        this(schema, name, columns, primaryKey, storageName, checks, foreignKeys, TableOptions.UNSPECIFIED);
    }

    /** A table without CHECK or FOREIGN KEY constraints. */
    public TableDef(String schema, String name, List<ColumnDef> columns, int[] primaryKey, String storageName) {
        this(schema, name, columns, primaryKey, storageName, List.of(), List.of(), TableOptions.UNSPECIFIED);
    }

    /** The same definition with these storage and table types. */
    public TableDef withOptions(TableOptions next) {
        return new TableDef(schema, name, columns, primaryKey, storageName, checks, foreignKeys, next);
    }

    /** True for an {@code ordered_set} table: rows kept in primary-key order. */
    public boolean ordered() {
        return options.ordered();
    }

    /** The same definition stored under {@code storage}. */
    public TableDef withStorageName(String storage) {
        return new TableDef(schema, name, columns, primaryKey, storage, checks, foreignKeys, options);
    }

    /** The same definition under another name (same storage). */
    public TableDef withName(String newName) {
        return new TableDef(schema, newName, columns, primaryKey, storageName, checks, foreignKeys, options);
    }

    /** The same definition with its foreign keys replaced. */
    public TableDef withForeignKeys(List<ForeignKeyDef> next) {
        return new TableDef(schema, name, columns, primaryKey, storageName, checks, next, options);
    }

    /** The same definition with its CHECK constraints replaced. */
    public TableDef withChecks(List<CheckDef> next) {
        return new TableDef(schema, name, columns, primaryKey, storageName, next, foreignKeys, options);
    }

    /** The same definition with one more column, last. */
    public TableDef withAddedColumn(ColumnDef column) {
        List<ColumnDef> next = new ArrayList<>(columns);
        next.add(column);
        return new TableDef(schema, name, next, primaryKey, storageName, checks, foreignKeys, options);
    }

    /**
     * What each column holds in a stored row too short to have it (written before the column was
     * added); null when the table never gained a column.
     */
    public Object[] missingValues() {
        Object[] missing = null;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).isAdded()) {
                if (missing == null) {
                    missing = new Object[columns.size()];
                }
                missing[i] = columns.get(i).missingValue();
            }
        }
        return missing;
    }

    /** The same definition with column {@code i} replaced. */
    public TableDef withColumn(int i, ColumnDef column) {
        List<ColumnDef> next = new ArrayList<>(columns);
        next.set(i, column);
        return new TableDef(schema, name, next, primaryKey, storageName, checks, foreignKeys, options);
    }

    /** The same definition with one more CHECK constraint. */
    public TableDef withCheck(CheckDef check) {
        List<CheckDef> next = new ArrayList<>(checks);
        next.add(check);
        return new TableDef(schema, name, columns, primaryKey, storageName, next, foreignKeys, options);
    }

    /** The same definition without the CHECK constraint of that name. */
    public TableDef withoutCheck(String constraint) {
        return new TableDef(schema, name, columns, primaryKey, storageName,
                checks.stream().filter(c -> !c.name().equals(constraint)).toList(), foreignKeys, options);
    }

    /** The same definition with one more foreign key. */
    public TableDef withForeignKey(ForeignKeyDef foreignKey) {
        List<ForeignKeyDef> next = new ArrayList<>(foreignKeys);
        next.add(foreignKey);
        return new TableDef(schema, name, columns, primaryKey, storageName, checks, next, options);
    }

    /** The CHECK constraint of that name, or null. */
    public CheckDef check(String constraint) {
        return checks.stream().filter(c -> c.name().equals(constraint)).findFirst().orElse(null);
    }

    /** The foreign key of that name, or null. */
    public ForeignKeyDef foreignKey(String constraint) {
        return foreignKeys.stream().filter(fk -> fk.name().equals(constraint)).findFirst().orElse(null);
    }

    /** The same definition without the foreign key of that name. */
    public TableDef withoutForeignKey(String constraint) {
        return new TableDef(schema, name, columns, primaryKey, storageName, checks,
                foreignKeys.stream().filter(fk -> !fk.name().equals(constraint)).toList(), options);
    }

    public int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** Finds a column by an unquoted (case-insensitive) name when no exact match exists. */
    public int columnIndexIgnoreCase(String column) {
        int exact = columnIndex(column);
        if (exact >= 0) {
            return exact;
        }
        String upper = column.toUpperCase(Locale.ROOT);
        return columnIndex(upper);
    }

    public ColumnDef column(int i) {
        return columns.get(i);
    }

    public int columnCount() {
        return columns.size();
    }

    public boolean hasPrimaryKey() {
        return primaryKey.length > 0;
    }

    public boolean isPrimaryKeyColumn(int column) {
        for (int k : primaryKey) {
            if (k == column) {
                return true;
            }
        }
        return false;
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
