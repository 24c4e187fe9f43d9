package io.recall.slt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** How a query's values are ordered before comparing, as SQLite's reference runner does. */
enum SortMode {
    NOSORT, ROWSORT, VALUESORT;

    static SortMode parse(String word) {
        return switch (word) {
            case "nosort" -> NOSORT;
            case "rowsort" -> ROWSORT;
            case "valuesort" -> VALUESORT;
            default -> throw new IllegalArgumentException("unknown sort mode " + word);
        };
    }

    /** The formatted rows as one row-major list of values, in this mode's order. */
    List<String> order(List<List<String>> rows) {
        List<String> values = new ArrayList<>();
        if (this == ROWSORT) {
            List<List<String>> sorted = new ArrayList<>(rows);
            sorted.sort(SortMode::compareRows);
            sorted.forEach(values::addAll);
            return values;
        }
        rows.forEach(values::addAll);
        if (this == VALUESORT) {
            values.sort(Comparator.naturalOrder());
        }
        return values;
    }

    // Formatted values are ASCII, so String order is the reference runner's strcmp order.
    private static int compareRows(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
