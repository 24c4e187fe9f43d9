package io.recall.parser.expr;

import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;

/** {@code a || b}: NULL if either side is NULL, as in the standard. */
public record Concat(Expr left, Expr right) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        Object a = left.eval(row, ctx);
        if (a == null) {
            return null;
        }
        Object b = right.eval(row, ctx);
        if (b == null) {
            return null;
        }
        return Cast.toText(a).concat(Cast.toText(b));
    }

    @Override
    public ColumnType type() {
        return ColumnType.VARCHAR;
    }

    @Override
    public Expr[] children() {
        return new Expr[]{left, right};
    }
}
