package io.recall.parser.expr;

import io.recall.parser.types.ArrayValue;
import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;

/** {@code ARRAY[e1, e2, ...]}: each element cast to the common element type. */
public record ArrayConstructor(Expr[] items, ColumnType type) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        Object[] out = new Object[items.length];
        ColumnType element = type.element();
        for (int i = 0; i < items.length; i++) {
            Object v = items[i].eval(row, ctx);
            out[i] = v == null ? null : Cast.explicit(v, element);
        }
        return ArrayValue.wrap(out);
    }

    @Override
    public boolean isConstant() {
        for (Expr e : items) {
            if (!e.isConstant()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Expr[] children() {
        return items;
    }
}
