package io.recall.parser.expr;

import io.recall.parser.types.ColumnType;

/** {@code CARDINALITY(a)}: the number of elements (0 for an empty array); NULL for a NULL array. */
public record Cardinality(Expr array) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        Object a = array.eval(row, ctx);
        return a == null ? null : io.recall.parser.types.Cast.toArray(a).size();
    }

    @Override
    public ColumnType type() {
        return ColumnType.INTEGER;
    }

    @Override
    public Expr[] children() {
        return new Expr[]{array};
    }
}
