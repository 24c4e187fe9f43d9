package io.recall.parser.query;

import io.recall.parser.expr.Expr;

/** OFFSET then LIMIT; either may be null. Both are evaluated once per execution. */
public record Limit(Relation input, Expr limit, Expr offset) implements Relation {
    @Override
    public int width() {
        return input.width();
    }
}
