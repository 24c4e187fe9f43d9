package io.recall.parser.expr;

import io.recall.parser.types.ArrayValue;
import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;

/** {@code a[i]}: the element at {@code i}, counting from 1; NULL past either end, as in PostgreSQL. */
public record ArrayElement(Expr array, Expr index, ColumnType type) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        Object a = array.eval(row, ctx);
        Object i = index.eval(row, ctx);
        if (a == null || i == null) {
            return null;
        }
        ArrayValue v = Cast.toArray(a);
        long k = Cast.toLong(i);
        return k < 1 || k > v.size() ? null : v.get((int) (k - 1));
    }

    @Override
    public Expr[] children() {
        return new Expr[]{array, index};
    }
}
