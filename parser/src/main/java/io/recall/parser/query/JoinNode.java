package io.recall.parser.query;

import io.recall.parser.expr.Expr;

/**
 * The shape of a FROM clause: inner joins (comma, CROSS, INNER, with their ON and WHERE
 * conditions) form one {@link Inner} group the engine may reorder; outer joins keep their sides.
 */
public sealed interface JoinNode {
    /** One input of the enclosing {@link Join}. */
    record Leaf(int input) implements JoinNode {
    }

    /** Inner joins of {@code items} under the conjunction of {@code conditions}. */
    record Inner(JoinNode[] items, Expr[] conditions) implements JoinNode {
    }

    /** {@code left LEFT|FULL JOIN right ON condition}; RIGHT joins are bound with their sides swapped. */
    record Outer(JoinType type, JoinNode left, JoinNode right, Expr condition) implements JoinNode {
    }

    enum JoinType { LEFT, FULL }
}
