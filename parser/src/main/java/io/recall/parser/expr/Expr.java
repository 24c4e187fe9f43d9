package io.recall.parser.expr;

import io.recall.parser.types.ColumnType;

/**
 * A bound, compiled scalar expression. Built once per prepared statement; evaluated per row
 * against the stored positional row array without looking at the SQL text again.
 */
public interface Expr {
    Object eval(Object[] row, EvalContext ctx);

    ColumnType type();

    /** True when the value depends on neither the row nor parameters nor time. */
    default boolean isConstant() {
        return false;
    }

    /** The operand expressions, for walking the tree (see {@link Exprs}). */
    default Expr[] children() {
        return Exprs.NONE;
    }

    /** Evaluates a predicate: only TRUE passes, FALSE and NULL (unknown) do not. */
    static boolean isTrue(Expr e, Object[] row, EvalContext ctx) {
        return e.eval(row, ctx) == Boolean.TRUE;
    }
}
