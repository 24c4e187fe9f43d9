package io.recall.parser.catalog;

import java.util.List;
import java.util.Locale;

/**
 * A table's definition as the catalog holds it: columns in storage order (rows are stored as
 * arrays in exactly this order), the primary-key column positions (empty: rows are keyed by a
 * hidden row id), and the name of the store that holds its rows.
 */
public record TableDef(String schema, String name, List<ColumnDef> columns, int[] primaryKey, String storageName) {

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
