package io.recall.parser.expr;

import io.recall.parser.types.ColumnType;

/** AND / OR over any number of operands with SQL three-valued logic. */
public record Logical(boolean and, Expr[] operands) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        boolean sawNull = false;
        for (Expr e : operands) {
            Object v = e.eval(row, ctx);
            if (v == null) {
                sawNull = true;
            } else if (truth(v) != and) {
                return !and;
            }
        }
        return sawNull ? null : and;
    }

    static boolean truth(Object v) {
        return v instanceof Boolean b ? b : io.recall.parser.types.Cast.toBoolean(v);
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }

    @Override
    public Expr[] children() {
        return operands;
    }
}
