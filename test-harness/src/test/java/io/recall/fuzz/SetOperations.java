package io.recall.fuzz;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set-operation query answered from H2's rows for each SELECT block, combined here with the SQL multiset
 * rules, then ordered and limited by the query's ORDER BY: the reference for INTERSECT ALL and EXCEPT ALL,
 * which H2 lacks ({@link DialectDifferences#INTERSECT_EXCEPT_ALL}).
 */
final class SetOperations {
    private SetOperations() {
    }

    static Outcome evaluate(Connection h2, Node root) {
        Outcome body = eval(h2, (Node) root.parts.get(0));
        if (!body.ok()) {
            return body;
        }
        Node order = (Node) root.parts.get(1);
        return order.isEmpty() ? body : Outcome.of(order(body.rows, order.sql()));
    }

    private static Outcome eval(Connection h2, Node n) {
        if (n.kind != Node.Kind.SETOP) {
            return Outcome.run(h2, n.sql());
        }
        Outcome left = eval(h2, (Node) n.parts.get(1));
        if (!left.ok()) {
            return left;
        }
        Outcome right = eval(h2, (Node) n.parts.get(3));
        if (!right.ok()) {
            return right;
        }
        String op = ((String) n.parts.get(2)).replace(")", "").replace("(", "").trim();
        return Outcome.of(combine(op, left.rows, right.rows));
    }

    static List<List<Object>> combine(String op, List<List<Object>> l, List<List<Object>> r) {
        Map<String, List<Object>> rowOf = new HashMap<>();
        Map<String, Integer> left = counts(l, rowOf);
        Map<String, Integer> right = counts(r, rowOf);
        boolean all = op.endsWith(" ALL");
        Map<String, Integer> result = new LinkedHashMap<>();
        if (op.startsWith("UNION")) {
            left.forEach((k, c) -> result.merge(k, c, Integer::sum));
            right.forEach((k, c) -> result.merge(k, c, Integer::sum));
        } else if (op.startsWith("INTERSECT")) {
            left.forEach((k, c) -> result.put(k, Math.min(c, right.getOrDefault(k, 0))));
        } else {
            left.forEach((k, c) -> result.put(k, all ? c - right.getOrDefault(k, 0) : right.containsKey(k) ? 0 : c));
        }
        List<List<Object>> out = new ArrayList<>();
        result.forEach((k, c) -> {
            for (int i = 0; i < (all ? c : Math.min(c, 1)); i++) {
                out.add(rowOf.get(k));
            }
        });
        return out;
    }

    private static Map<String, Integer> counts(List<List<Object>> rows, Map<String, List<Object>> rowOf) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            String key = Rows.exactKey(row);
            rowOf.putIfAbsent(key, row);
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    /** Applies " ORDER BY 2 DESC NULLS FIRST, 1 LIMIT n OFFSET m" as the generator writes it. */
    static List<List<Object>> order(List<List<Object>> rows, String clause) {
        return order(rows, clause, false);
    }

    /** Sorts by the ORDER BY, numbers rounded to 10 significant digits (so tolerance-equal ones tie), no LIMIT. */
    static List<List<Object>> orderLoosely(List<List<Object>> rows, String clause) {
        return order(rows, clause, true);
    }

    private static List<List<Object>> order(List<List<Object>> rows, String clause, boolean loose) {
        String text = clause.trim().substring("ORDER BY ".length());
        int limit = -1;
        int offset = 0;
        int at = text.indexOf(" LIMIT ");
        if (at >= 0) {
            String[] tail = text.substring(at + 7).split(" OFFSET ");
            limit = Integer.parseInt(tail[0].trim());
            offset = tail.length > 1 ? Integer.parseInt(tail[1].trim()) : 0;
            text = text.substring(0, at);
        }
        Comparator<List<Object>> cmp = null;
        for (String term : text.split(",")) {
            String[] w = term.trim().split(" ");
            int pos = Integer.parseInt(w[0]) - 1;
            boolean desc = term.contains(" DESC");
            // NULL is the lowest value unless NULLS FIRST / LAST says otherwise (H2's and Recall's default)
            boolean nullsFirst = term.contains("NULLS FIRST") || (!term.contains("NULLS LAST") && !desc);
            Comparator<List<Object>> c = (a, b) -> compareValues(rounded(a.get(pos), loose), rounded(b.get(pos), loose),
                    desc, nullsFirst);
            cmp = cmp == null ? c : cmp.thenComparing(c);
        }
        List<List<Object>> sorted = new ArrayList<>(rows);
        sorted.sort(cmp);
        if (loose) {
            return sorted;
        }
        int from = Math.min(offset, sorted.size());
        int to = limit < 0 ? sorted.size() : Math.min(sorted.size(), from + limit);
        return new ArrayList<>(sorted.subList(from, to));
    }

    private static Object rounded(Object v, boolean loose) {
        return loose && v instanceof java.math.BigDecimal b ? b.round(new java.math.MathContext(10)) : v;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b, boolean desc, boolean nullsFirst) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null) == nullsFirst ? -1 : 1;
        }
        int c = ((Comparable) a).compareTo(b);
        return desc ? -c : c;
    }
}
