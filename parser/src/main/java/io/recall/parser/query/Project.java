package io.recall.parser.query;

import io.recall.parser.expr.Expr;

/** One output row per input row, computing {@code exprs} over it. */
public record Project(Relation input, Expr[] exprs) implements Relation {
    @Override
    public int width() {
        return exprs.length;
    }
}
