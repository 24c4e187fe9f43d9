package io.recall.fuzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Comparing result rows: as lists or multisets, numbers equal within a relative tolerance. */
final class Rows {
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-10");

    private Rows() {
    }

    static boolean sameList(List<List<Object>> a, List<List<Object>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameRow(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean sameMultiset(List<List<Object>> a, List<List<Object>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        List<List<Object>> sa = sorted(a);
        List<List<Object>> sb = sorted(b);
        if (sameList(sa, sb)) {
            return true;
        }
        // rounding at a sort-key boundary can misalign rows that are equal within tolerance: match greedily
        List<List<Object>> left = new ArrayList<>(b);
        for (List<Object> row : a) {
            int match = -1;
            for (int i = 0; i < left.size() && match < 0; i++) {
                if (sameRow(row, left.get(i))) {
                    match = i;
                }
            }
            if (match < 0) {
                return false;
            }
            left.remove(match);
        }
        return true;
    }

    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> s = new ArrayList<>(rows);
        s.sort(Comparator.comparing(Outcome::sortKey));
        return s;
    }

    /** The rows without duplicates, values compared exactly (the rows come from one engine). */
    static List<List<Object>> distinct(List<List<Object>> rows) {
        java.util.Map<String, List<Object>> seen = new java.util.LinkedHashMap<>();
        for (List<Object> row : rows) {
            seen.putIfAbsent(exactKey(row), row);
        }
        return new ArrayList<>(seen.values());
    }

    static String exactKey(List<Object> row) {
        StringBuilder sb = new StringBuilder();
        for (Object v : row) {
            sb.append(v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : String.valueOf(v))
                    .append(v == null ? "\u0000" : "").append('\u0001');
        }
        return sb.toString();
    }

    static boolean sameRow(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameValue(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            if (x.compareTo(y) == 0) {
                return true;
            }
            BigDecimal scale = x.abs().max(y.abs()).max(BigDecimal.ONE);
            return x.subtract(y).abs().compareTo(scale.multiply(TOLERANCE)) <= 0;
        }
        return Objects.equals(a, b);
    }

    /** The rows as text, at most {@code max} of them. */
    static String show(List<List<Object>> rows, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.size() && i < max; i++) {
            sb.append(i == 0 ? "" : " ").append(showRow(rows.get(i)));
        }
        if (rows.size() > max) {
            sb.append(" ...");
        }
        return sb.toString();
    }

    static String showRow(List<Object> row) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < row.size(); i++) {
            Object v = row.get(i);
            sb.append(i == 0 ? "" : ", ");
            if (v == null) {
                sb.append("NULL");
            } else if (v instanceof BigDecimal b) {
                sb.append(b.stripTrailingZeros().toPlainString());
            } else if (v instanceof String s) {
                sb.append('\'').append(s.replace("'", "''")).append('\'');
            } else {
                sb.append(v);
            }
        }
        return sb.append(')').toString();
    }
}
