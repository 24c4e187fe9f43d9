package io.recall.parser.expr;

import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.Values;

/**
 * Both CASE forms: with an operand, each WHEN is compared for equality; without one, each WHEN
 * is a condition. The first match wins; no match gives ELSE or NULL.
 */
public record Case(Expr operand, Expr[] whens, Expr[] thens, Expr otherwise, ColumnType type) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        Object subject = operand == null ? null : operand.eval(row, ctx);
        for (int i = 0; i < whens.length; i++) {
            Object w = whens[i].eval(row, ctx);
            boolean hit;
            if (operand == null) {
                hit = w != null && Logical.truth(w);
            } else {
                hit = subject != null && w != null && Values.equal(subject, w);
            }
            if (hit) {
                return coerce(thens[i].eval(row, ctx));
            }
        }
        return otherwise == null ? null : coerce(otherwise.eval(row, ctx));
    }

    private Object coerce(Object v) {
        return type.type().isNumeric() && v instanceof Number ? Cast.explicit(v, type) : v;
    }

    @Override
    public Expr[] children() {
        return Exprs.of(operand, whens, thens, otherwise);
    }
}
