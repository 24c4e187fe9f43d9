package io.recall.fuzz;

/**
 * H2 has no FULL JOIN ({@link DialectDifferences#FULL_JOIN}). For a plain top SELECT block whose FROM chain has
 * one FULL JOIN and no RIGHT JOIN after it, the same rows come from two queries H2 can run:
 * <pre>
 *   SELECT .. FROM .. L LEFT JOIN R ON c .. WHERE w
 *   UNION ALL                      -- UNION when the block is DISTINCT
 *   SELECT .. FROM .. L RIGHT JOIN R ON FALSE .. WHERE w AND NOT EXISTS (SELECT 1 FROM L WHERE c)
 * </pre>
 * (the second part: the rows of R that match no row of L, extended with NULLs; inside NOT EXISTS, L's aliases
 * are declared again and hide the outer ones), followed by the query's ORDER BY, which names positions.
 */
final class FullJoinForH2 {
    private FullJoinForH2() {
    }

    /** The H2 text, or null when the query has no FULL JOIN of that form. */
    static String rewrite(Node root) {
        Node body = (Node) root.parts.get(0);
        if (body.kind != Node.Kind.QUERY || !"PLAIN".equals(body.tag) || count(root.sql(), " FULL JOIN ") != 1) {
            return null;
        }
        int fromAt = body.parts.indexOf(" FROM ") + 1;
        Node full = findFull((Node) body.parts.get(fromAt));
        if (full == null) {
            return null;
        }
        Node left = (Node) full.parts.get(0);
        Node right = (Node) full.parts.get(2);
        Node on = (Node) full.parts.get(4);
        Node leftJoin = Node.of(Node.Kind.JOIN, "LEFT", left, " LEFT JOIN ", right, " ON ", on);
        Node unmatched = Node.of(Node.Kind.JOIN, "RIGHT", left, " RIGHT JOIN ", right, " ON FALSE");
        int whereAt = -1;
        for (int i = 0; i < body.parts.size(); i++) {
            if (body.parts.get(i) instanceof Node n && n.kind == Node.Kind.WHERE) {
                whereAt = i;
            }
        }
        Node where = (Node) body.parts.get(whereAt);
        String noMatch = "NOT EXISTS (SELECT 1 FROM " + left.sql() + " WHERE " + on.sql() + ")";
        String cond = where.isEmpty() ? noMatch : "(" + ((Node) where.parts.get(1)).sql() + ") AND " + noMatch;
        Node first = body.withPart(fromAt, replace((Node) body.parts.get(fromAt), full, leftJoin));
        Node second = body.withPart(fromAt, replace((Node) body.parts.get(fromAt), full, unmatched))
                .withPart(whereAt, Node.of(Node.Kind.WHERE, null, " WHERE ", cond));
        boolean distinct = !body.child(Node.Kind.OPTIONAL, "DISTINCT").isEmpty();
        return first.sql() + (distinct ? " UNION " : " UNION ALL ") + second.sql() + ((Node) root.parts.get(1)).sql();
    }

    // the FULL join on the FROM clause's left spine, provided no RIGHT join lies above it
    private static Node findFull(Node from) {
        for (Node n = from; n.kind == Node.Kind.JOIN; n = (Node) n.parts.get(0)) {
            if ("FULL".equals(n.tag)) {
                return n;
            }
            if ("RIGHT".equals(n.tag)) {
                return null;
            }
        }
        return null;
    }

    private static Node replace(Node n, Node target, Node with) {
        if (n == target) {
            return with;
        }
        return n.withPart(0, replace((Node) n.parts.get(0), target, with));
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }
}
