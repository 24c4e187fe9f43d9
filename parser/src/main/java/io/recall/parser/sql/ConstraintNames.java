package io.recall.parser.sql;

import java.util.List;
import java.util.function.Predicate;

/**
 * The names PostgreSQL gives unnamed constraints: {@code <TABLE>_<COLS>_KEY} for UNIQUE,
 * {@code <TABLE>_<COL>_CHECK} for a column CHECK and {@code <TABLE>_CHECK} for a table CHECK,
 * {@code <TABLE>_<COLS>_FKEY} for a foreign key; a name in use gets a number appended.
 */
final class ConstraintNames {
    private ConstraintNames() {
    }

    static String unique(String table, List<String> columns) {
        return table + "_" + String.join("_", columns) + "_KEY";
    }

    /** {@code column} is null for a table constraint. */
    static String check(String table, String column) {
        return table + (column == null ? "" : "_" + column) + "_CHECK";
    }

    static String foreignKey(String table, List<String> columns) {
        return table + "_" + String.join("_", columns) + "_FKEY";
    }

    /** {@code base}, or {@code base1}, {@code base2}, ... whichever is the first not taken. */
    static String free(String base, Predicate<String> taken) {
        String name = base;
        for (int n = 1; taken.test(name); n++) {
            name = base + n;
        }
        return name;
    }
}
