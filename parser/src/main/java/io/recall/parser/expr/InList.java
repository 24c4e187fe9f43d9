package io.recall.parser.expr;

import io.recall.parser.types.ColumnType;
import io.recall.parser.types.Values;

/**
 * {@code x [NOT] IN (a, b, ...)}: TRUE on a match; otherwise NULL if x or any item is NULL
 * (so NOT IN with a NULL item never passes), else FALSE. The empty list contains nothing.
 */
public record InList(Expr operand, Expr[] items, boolean negated) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        if (items.length == 0) {
            return negated; // nothing is in the empty list, not even NULL
        }
        Object v = operand.eval(row, ctx);
        if (v == null) {
            return null;
        }
        boolean sawNull = false;
        for (Expr item : items) {
            Object w = item.eval(row, ctx);
            if (w == null) {
                sawNull = true;
            } else if (Values.equal(v, w)) {
                return !negated;
            }
        }
        return sawNull ? null : negated;
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }

    @Override
    public Expr[] children() {
        return Exprs.of(operand, items);
    }
}
