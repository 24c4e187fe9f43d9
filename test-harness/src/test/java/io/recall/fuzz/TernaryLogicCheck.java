package io.recall.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Ternary logic partitioning: the rows of {@code q} are the rows of {@code q WHERE p}, of {@code q WHERE NOT p}
 * and of {@code q WHERE p IS NULL}, together, for a plain SELECT block (no grouping, no LIMIT). With DISTINCT
 * the union is compared after removing duplicates. Recall only.
 */
final class TernaryLogicCheck implements Check {
    @Override
    public String name() {
        return "ternary-logic-partitioning";
    }

    /** [base, p, NOT p, p IS NULL] or null when the query is not a plain SELECT block. */
    static List<String> partitionQueries(Node group) {
        Node root = (Node) group.parts.get(0);
        Node predicate = (Node) group.parts.get(1);
        Node body = (Node) root.parts.get(0);
        if (body.kind != Node.Kind.QUERY || !"PLAIN".equals(body.tag)) {
            return null;
        }
        int whereAt = -1;
        for (int i = 0; i < body.parts.size(); i++) {
            if (body.parts.get(i) instanceof Node n && n.kind == Node.Kind.WHERE) {
                whereAt = i;
            }
        }
        Node where = (Node) body.parts.get(whereAt);
        String w = where.isEmpty() ? null : ((Node) where.parts.get(1)).sql();
        String p = predicate.sql();
        List<String> out = new ArrayList<>();
        out.add(body.sql());
        for (String part : new String[]{"(" + p + ")", "(NOT (" + p + "))", "((" + p + ") IS NULL)"}) {
            String cond = w == null ? part : "(" + w + ") AND " + part;
            out.add(body.withPart(whereAt, Node.of(Node.Kind.WHERE, null, " WHERE ", cond)).sql());
        }
        return out;
    }

    @Override
    public Verdict run(Databases db, Node group) {
        List<String> qs = partitionQueries(group);
        if (qs == null) {
            return Verdict.SKIPPED;
        }
        List<Outcome> outs = new ArrayList<>();
        for (String q : qs) {
            Outcome o = Outcome.run(db.recall, q);
            if (o.internal()) {
                return Compare.outcomes("-", o, o, null);
            }
            if (o.unsupported()) {
                return Verdict.UNSUPPORTED;
            }
            if (!o.ok()) {
                return Verdict.SKIPPED;
            }
            outs.add(o);
        }
        List<List<Object>> union = new ArrayList<>();
        for (int i = 1; i < outs.size(); i++) {
            union.addAll(outs.get(i).rows);
        }
        boolean distinct = !((Node) ((Node) group.parts.get(0)).parts.get(0)).child(Node.Kind.OPTIONAL, "DISTINCT").isEmpty();
        List<List<Object>> expected = distinct ? Rows.distinct(union) : union;
        if (Rows.sameMultiset(outs.get(0).rows, expected)) {
            return Verdict.AGREE;
        }
        return Verdict.fail("partitions differ from the whole",
                "whole: " + outs.get(0).describe() + "\np: " + outs.get(1).describe() + "\nNOT p: " + outs.get(2).describe()
                        + "\np IS NULL: " + outs.get(3).describe());
    }

    @Override
    public String queries(Node group) {
        List<String> qs = partitionQueries(group);
        return qs == null ? group.sql() : String.join(";\n", qs) + ";";
    }
}
