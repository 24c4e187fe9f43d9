package io.recall.parser.expr;

import io.recall.parser.types.ColumnType;

/** IS [NOT] NULL: never NULL itself. */
public record IsNull(Expr operand, boolean negated) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        return (operand.eval(row, ctx) == null) != negated;
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
