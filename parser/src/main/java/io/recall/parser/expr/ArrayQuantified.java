package io.recall.parser.expr;

import io.recall.parser.types.ArrayValue;
import io.recall.parser.types.ColumnType;

/**
 * {@code x op ANY (array)} and {@code x op ALL (array)}: the comparison with every element, combined with OR
 * (ANY) or AND (ALL) under three-valued logic, as {@link QuantifiedComparison} does for a subquery's rows. ANY
 * of an empty array is FALSE, ALL of one TRUE; a NULL array gives NULL.
 */
public record ArrayQuantified(Expr operand, Comparison.Op op, boolean all, Expr array) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        Object a = array.eval(row, ctx);
        if (a == null) {
            return null;
        }
        ArrayValue elements = io.recall.parser.types.Cast.toArray(a);
        if (elements.size() == 0) {
            return all;
        }
        Object v = operand.eval(row, ctx);
        if (v == null) {
            return null;
        }
        boolean sawNull = false;
        for (int i = 0; i < elements.size(); i++) {
            Object item = elements.get(i);
            if (item == null) {
                sawNull = true;
            } else if (op.holds(v, item) != all) {
                return !all;
            }
        }
        return sawNull ? null : all;
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }

    @Override
    public Expr[] children() {
        return new Expr[]{operand, array};
    }
}
