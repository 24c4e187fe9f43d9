package io.recall.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A generated schema with its data: tables (columns, optional primary key, UNIQUE columns, rows as SQL
 * literals) and indexes. Immutable; the reducer derives smaller copies.
 */
record FuzzSchema(List<Table> tables, List<Index> indexes) {

    record Column(String name, ColumnType type) {
    }

    record Table(String name, List<Column> columns, List<Integer> primaryKey, List<Integer> unique,
                 List<List<String>> rows) {
        Table withRows(List<List<String>> newRows) {
            return new Table(name, columns, primaryKey, unique, newRows);
        }
    }

    record Index(String name, String table, List<String> columns, boolean unique) {
    }

    /** CREATE TABLE, CREATE INDEX and INSERT statements; {@code tableOptions} is appended to each CREATE TABLE. */
    List<String> statements(String tableOptions) {
        List<String> out = new ArrayList<>();
        for (Table t : tables) {
            out.add(createTable(t) + tableOptions);
        }
        for (Index ix : indexes) {
            out.add("CREATE " + (ix.unique ? "UNIQUE " : "") + "INDEX " + ix.name + " ON " + ix.table + " ("
                    + String.join(", ", ix.columns) + ")");
        }
        for (Table t : tables) {
            if (!t.rows.isEmpty()) {
                out.add(insert(t, t.rows));
            }
        }
        return out;
    }

    static String createTable(Table t) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(t.name).append(" (");
        for (int i = 0; i < t.columns.size(); i++) {
            Column c = t.columns.get(i);
            sb.append(i == 0 ? "" : ", ").append(c.name).append(' ').append(c.type.sql);
            if (t.unique.contains(i)) {
                sb.append(" UNIQUE");
            }
        }
        if (!t.primaryKey.isEmpty()) {
            sb.append(", PRIMARY KEY (");
            for (int i = 0; i < t.primaryKey.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(t.columns.get(t.primaryKey.get(i)).name);
            }
            sb.append(')');
        }
        return sb.append(')').toString();
    }

    static String insert(Table t, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(t.name).append(" VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sb.append(r == 0 ? "" : ", ").append('(').append(String.join(", ", rows.get(r))).append(')');
        }
        return sb.toString();
    }

    FuzzSchema withRows(int table, List<List<String>> rows) {
        List<Table> ts = new ArrayList<>(tables);
        ts.set(table, ts.get(table).withRows(rows));
        return new FuzzSchema(ts, indexes);
    }

    /** Only the tables the SQL text names (as a word), and their indexes. */
    FuzzSchema onlyTablesIn(Set<String> words) {
        List<Table> ts = tables.stream().filter(t -> words.contains(t.name.toLowerCase())).toList();
        List<Index> ix = indexes.stream().filter(i -> words.contains(i.table.toLowerCase())).toList();
        return new FuzzSchema(ts, ix);
    }

    FuzzSchema withoutIndex(int i) {
        List<Index> ix = new ArrayList<>(indexes);
        ix.remove(i);
        return new FuzzSchema(tables, ix);
    }
}
