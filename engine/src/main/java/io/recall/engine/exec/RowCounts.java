package io.recall.engine.exec;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;
import io.recall.parser.types.Cast;

/** LIMIT and OFFSET values: evaluated once per execution, never negative. */
public final class RowCounts {
    private RowCounts() {
    }

    /** The LIMIT, or Long.MAX_VALUE when there is none (or it is NULL, as in PostgreSQL). */
    public static long limit(Expr e, EvalContext ctx) {
        return e == null ? Long.MAX_VALUE : count(e, ctx, "LIMIT", Long.MAX_VALUE);
    }

    public static long offset(Expr e, EvalContext ctx) {
        return e == null ? 0 : count(e, ctx, "OFFSET", 0);
    }

    private static long count(Expr e, EvalContext ctx, String clause, long whenNull) {
        Object v = e.eval(null, ctx);
        if (v == null) {
            return whenNull;
        }
        long n = Cast.toLong(v);
        if (n < 0) {
            throw new RecallException(ErrorCode.INVALID_PARAMETER_VALUE, clause + " must not be negative: " + n);
        }
        return n;
    }
}
