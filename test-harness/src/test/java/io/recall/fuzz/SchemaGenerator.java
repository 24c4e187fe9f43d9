package io.recall.fuzz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Random schemas: 2 to 4 tables of 2 to 5 columns, NULL-heavy rows, some keys, UNIQUE columns and indexes. */
final class SchemaGenerator {
    private final Random r;

    SchemaGenerator(Random r) {
        this.r = r;
    }

    FuzzSchema generate() {
        int n = 2 + r.nextInt(3);
        List<FuzzSchema.Table> tables = new ArrayList<>();
        List<FuzzSchema.Index> indexes = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            FuzzSchema.Table table = table("t" + t);
            tables.add(table);
            int ixCount = r.nextInt(3);
            for (int i = 0; i < ixCount; i++) {
                indexes.add(index(table, "ix" + t + "_" + i));
            }
        }
        return new FuzzSchema(tables, indexes);
    }

    private FuzzSchema.Table table(String name) {
        int width = 2 + r.nextInt(4);
        List<FuzzSchema.Column> cols = new ArrayList<>();
        ColumnType[] all = ColumnType.values();
        for (int c = 0; c < width; c++) {
            // numbers are the richest family: favour them
            ColumnType type = r.nextInt(3) == 0 ? all[r.nextInt(all.length)] : ColumnType.ofFamily(ColumnType.Family.NUMBER, r);
            cols.add(new FuzzSchema.Column("c" + c, type));
        }
        List<Integer> pk = new ArrayList<>();
        int keyChoice = r.nextInt(10);
        if (keyChoice < 4) {
            pk.add(r.nextInt(width));
        } else if (keyChoice < 6 && width > 2) {
            pk.add(0);
            pk.add(1);
        }
        List<Integer> unique = new ArrayList<>();
        if (r.nextInt(4) == 0) {
            int u = r.nextInt(width);
            if (!pk.equals(List.of(u))) {
                unique.add(u);
            }
        }
        double nullRate = new double[]{0.0, 0.15, 0.3, 0.5}[r.nextInt(4)];
        int rowCount = r.nextInt(4) == 0 ? r.nextInt(3) : 3 + r.nextInt(6);
        List<List<String>> rows = new ArrayList<>();
        Set<List<String>> keys = new HashSet<>();
        List<Set<String>> uniqueSeen = new ArrayList<>();
        for (int i = 0; i < unique.size(); i++) {
            uniqueSeen.add(new HashSet<>());
        }
        for (int i = 0; i < rowCount * 3 && rows.size() < rowCount; i++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                boolean nullable = !pk.contains(c);
                row.add(nullable && r.nextDouble() < nullRate ? "NULL" : cols.get(c).type().value(r));
            }
            if (!pk.isEmpty() && !keys.add(keyOf(row, pk, cols))) {
                continue;
            }
            boolean clash = false;
            for (int u = 0; u < unique.size(); u++) {
                String v = row.get(unique.get(u));
                if (!v.equals("NULL") && uniqueSeen.get(u).contains(normal(v, cols.get(unique.get(u)).type()))) {
                    clash = true;
                }
            }
            if (clash) {
                if (!pk.isEmpty()) {
                    keys.remove(keyOf(row, pk, cols));
                }
                continue;
            }
            for (int u = 0; u < unique.size(); u++) {
                String v = row.get(unique.get(u));
                if (!v.equals("NULL")) {
                    uniqueSeen.get(u).add(normal(v, cols.get(unique.get(u)).type()));
                }
            }
            rows.add(row);
        }
        return new FuzzSchema.Table(name, cols, pk, unique, rows);
    }

    private static List<String> keyOf(List<String> row, List<Integer> pk, List<FuzzSchema.Column> cols) {
        List<String> key = new ArrayList<>();
        for (int c : pk) {
            key.add(normal(row.get(c), cols.get(c).type()));
        }
        return key;
    }

    // 1 and 1.00 are one key once cast to the column type
    private static String normal(String literal, ColumnType type) {
        if (type.family == ColumnType.Family.NUMBER) {
            return new java.math.BigDecimal(literal).stripTrailingZeros().toPlainString();
        }
        return literal;
    }

    private FuzzSchema.Index index(FuzzSchema.Table t, String name) {
        int first = r.nextInt(t.columns().size());
        List<String> cols = new ArrayList<>();
        cols.add(t.columns().get(first).name());
        if (r.nextInt(3) == 0) {
            int second = r.nextInt(t.columns().size());
            if (second != first) {
                cols.add(t.columns().get(second).name());
            }
        }
        return new FuzzSchema.Index(name, t.name(), cols, false);
    }
}
