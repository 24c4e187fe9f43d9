package io.recall.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A piece of a generated query: text and child nodes, rendered in order. The kind tells the reducer what it may
 * do with the piece (replace an expression by a sub-expression of its type or a literal, drop an optional
 * clause, drop a list item, keep one side of a set operation or a join). Immutable.
 */
final class Node {
    enum Kind {
        /** An expression of {@link #type}. */
        EXPR,
        /** A SELECT block; expressions are never lifted out of it. */
        QUERY,
        /** Two queries and a set operator: parts are [left, operator text, right]. */
        SETOP,
        /** A clause that may be dropped entirely (DISTINCT, GROUP BY, HAVING, ORDER BY ... LIMIT). */
        OPTIONAL,
        /** The WHERE slot of a SELECT block: empty, or [" WHERE ", condition]. */
        WHERE,
        /** Items (nodes) joined by {@link #sep}; an item may be dropped while two or more remain. */
        LIST,
        /** A join: parts are [left, join text, right, ...]; may be replaced by its left side. */
        JOIN,
        /** Several nodes checked together (a query and a predicate); never rendered as one text. */
        GROUP,
        /** The top of a query: parts are [body, ORDER BY clause]. */
        ROOT
    }

    final Kind kind;
    final ColumnType type;
    final String tag;
    final String sep;
    final List<Object> parts;

    private Node(Kind kind, ColumnType type, String tag, String sep, List<Object> parts) {
        this.kind = kind;
        this.type = type;
        this.tag = tag;
        this.sep = sep;
        this.parts = Collections.unmodifiableList(parts);
    }

    static Node of(Kind kind, String tag, Object... parts) {
        return new Node(kind, null, tag, null, List.of(parts));
    }

    static Node expr(ColumnType type, Object... parts) {
        return new Node(Kind.EXPR, type, null, null, List.of(parts));
    }

    static Node list(String sep, List<Node> items) {
        return new Node(Kind.LIST, null, null, sep, new ArrayList<>(items));
    }

    Node withParts(List<Object> newParts) {
        return new Node(kind, type, tag, sep, new ArrayList<>(newParts));
    }

    Node withPart(int i, Object part) {
        List<Object> p = new ArrayList<>(parts);
        p.set(i, part);
        return withParts(p);
    }

    Node empty() {
        return new Node(kind, type, tag, sep, new ArrayList<>());
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    List<Node> children() {
        List<Node> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Node n) {
                out.add(n);
            }
        }
        return out;
    }

    /** The first direct child of the kind (and tag, when given), or null. */
    Node child(Kind k, String t) {
        for (Node n : children()) {
            if (n.kind == k && (t == null || t.equals(n.tag))) {
                return n;
            }
        }
        return null;
    }

    boolean contains(String tagOrText) {
        if (tagOrText.equals(tag)) {
            return true;
        }
        for (Object p : parts) {
            if (p instanceof Node n ? n.contains(tagOrText) : p.toString().contains(tagOrText)) {
                return true;
            }
        }
        return false;
    }

    String sql() {
        StringBuilder sb = new StringBuilder();
        render(sb);
        return sb.toString();
    }

    private void render(StringBuilder sb) {
        for (int i = 0; i < parts.size(); i++) {
            if (kind == Kind.LIST && i > 0) {
                sb.append(sep);
            }
            Object p = parts.get(i);
            if (p instanceof Node n) {
                n.render(sb);
            } else {
                sb.append(p);
            }
        }
    }

    int size() {
        int n = 1;
        for (Node c : children()) {
            n += c.size();
        }
        return n;
    }

    @Override
    public String toString() {
        return sql();
    }
}
