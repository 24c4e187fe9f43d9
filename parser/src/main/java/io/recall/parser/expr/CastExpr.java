package io.recall.parser.expr;

import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;

/** {@code CAST(x AS type)}. */
public record CastExpr(Expr operand, ColumnType type) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        return Cast.explicit(operand.eval(row, ctx), type);
    }

    @Override
    public Expr[] children() {
        return new Expr[]{operand};
    }
}
