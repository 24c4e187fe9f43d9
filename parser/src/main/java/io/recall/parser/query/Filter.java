package io.recall.parser.query;

import io.recall.parser.expr.Expr;

/** The input's rows for which the condition is TRUE. */
public record Filter(Relation input, Expr condition) implements Relation {
    @Override
    public int width() {
        return input.width();
    }
}
