package io.recall.fuzz;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Shrinks a failing case while it keeps failing the same way: first the query (hierarchical delta debugging
 * over its nodes: an expression becomes one of its sub-expressions of the same type or a literal, optional
 * clauses and list items go, a set operation or join keeps one side), then the data (unused tables and
 * indexes dropped, rows removed in halving chunks), then the query once more.
 */
final class Reducer {
    private static final int MAX_ATTEMPTS = 3000;

    private final Check check;
    private final String kind;
    private int attempts;

    Reducer(Check check, String kind) {
        this.check = check;
        this.kind = kind;
    }

    record Case(FuzzSchema schema, Node tree) {
    }

    Case reduce(Databases db, Node tree) {
        Node small = reduceTree(tree, t -> fails(db, t));
        FuzzSchema schema = reduceData(db.schema, small);
        if (schema != db.schema) {
            try (Databases again = Databases.open(schema)) {
                small = reduceTree(small, t -> fails(again, t));
            } catch (SQLException e) {
                // the reduced data no longer loads: keep the query as it is
            }
        }
        return new Case(schema, small);
    }

    private boolean fails(Databases db, Node tree) {
        attempts++;
        Verdict v = check.run(db, tree);
        return v.failed() && v.kind().equals(kind);
    }

    private boolean fails(FuzzSchema schema, Node tree) {
        attempts++;
        try (Databases db = Databases.open(schema)) {
            Verdict v = check.run(db, tree);
            return v.failed() && v.kind().equals(kind);
        } catch (SQLException e) {
            return false;
        }
    }

    Node reduceTree(Node tree, Predicate<Node> fails) {
        boolean progress = true;
        while (progress && attempts < MAX_ATTEMPTS) {
            progress = false;
            List<List<Integer>> paths = new ArrayList<>();
            collect(tree, new ArrayList<>(), paths);
            outer:
            for (List<Integer> path : paths) {
                for (Node candidate : candidates(at(tree, path))) {
                    if (attempts >= MAX_ATTEMPTS) {
                        break outer;
                    }
                    Node next = replace(tree, path, 0, candidate);
                    boolean smaller = next.size() < tree.size() || next.sql().length() < tree.sql().length();
                    if (smaller && fails.test(next)) {
                        tree = next;
                        progress = true;
                        break outer;
                    }
                }
            }
        }
        return tree;
    }

    private FuzzSchema reduceData(FuzzSchema schema, Node tree) {
        Set<String> words = new HashSet<>(List.of(check.queries(tree).toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")));
        FuzzSchema s = schema.onlyTablesIn(words);
        if (!fails(s, tree)) {
            s = schema;
        }
        for (int i = s.indexes().size() - 1; i >= 0; i--) {
            FuzzSchema without = s.withoutIndex(i);
            if (fails(without, tree)) {
                s = without;
            }
        }
        for (int t = 0; t < s.tables().size(); t++) {
            List<List<String>> rows = s.tables().get(t).rows();
            for (int chunk = Math.max(1, rows.size() / 2); chunk >= 1 && attempts < MAX_ATTEMPTS; chunk /= 2) {
                for (int from = 0; from < rows.size() && attempts < MAX_ATTEMPTS; ) {
                    List<List<String>> fewer = new ArrayList<>(rows.subList(0, from));
                    fewer.addAll(rows.subList(Math.min(rows.size(), from + chunk), rows.size()));
                    FuzzSchema candidate = s.withRows(t, fewer);
                    if (fails(candidate, tree)) {
                        s = candidate;
                        rows = fewer;
                    } else {
                        from += chunk;
                    }
                }
            }
        }
        return s;
    }

    // ---- tree surgery

    private static void collect(Node n, List<Integer> path, List<List<Integer>> out) {
        out.add(new ArrayList<>(path));
        for (int i = 0; i < n.parts.size(); i++) {
            if (n.parts.get(i) instanceof Node c) {
                path.add(i);
                collect(c, path, out);
                path.remove(path.size() - 1);
            }
        }
    }

    private static Node at(Node n, List<Integer> path) {
        for (int i : path) {
            n = (Node) n.parts.get(i);
        }
        return n;
    }

    private static Node replace(Node n, List<Integer> path, int depth, Node with) {
        if (depth == path.size()) {
            return with;
        }
        int i = path.get(depth);
        return n.withPart(i, replace((Node) n.parts.get(i), path, depth + 1, with));
    }

    static List<Node> candidates(Node n) {
        List<Node> out = new ArrayList<>();
        switch (n.kind) {
            case EXPR -> {
                if (n.type != null) {
                    List<Node> subs = new ArrayList<>();
                    subExpressions(n, subs);
                    for (Node s : subs) {
                        if (s.type != null && s.type.family == n.type.family) {
                            out.add(s);
                        }
                    }
                    if (!n.children().isEmpty() || !n.sql().equals(n.type.simplest())) {
                        out.add(Node.expr(n.type, n.type.simplest()));
                    }
                }
            }
            case OPTIONAL, WHERE -> {
                if (!n.isEmpty()) {
                    out.add(n.empty());
                }
            }
            case LIST -> {
                for (int i = 0; n.parts.size() > 1 && i < n.parts.size(); i++) {
                    List<Object> fewer = new ArrayList<>(n.parts);
                    fewer.remove(i);
                    out.add(n.withParts(fewer));
                }
            }
            case SETOP -> out.addAll(n.children());
            case JOIN -> out.add((Node) n.parts.get(0));
            default -> {
            }
        }
        return out;
    }

    // the expressions directly below n, not inside a nested query
    private static void subExpressions(Node n, List<Node> out) {
        for (Node c : n.children()) {
            if (c.kind == Node.Kind.EXPR) {
                out.add(c);
            } else if (c.kind == Node.Kind.LIST) {
                subExpressions(c, out);
            }
        }
    }
}
