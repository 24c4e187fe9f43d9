package io.recall.parser.expr;

import io.recall.parser.types.ColumnType;

/** NOT with NULL staying NULL. */
public record Not(Expr operand) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        Object v = operand.eval(row, ctx);
        return v == null ? null : !Logical.truth(v);
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }

    @Override
    public Expr[] children() {
        return new Expr[]{operand};
    }
}
