package io.recall.parser.expr;

import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;

/**
 * {@code x [NOT] LIKE pattern [ESCAPE e]} (ILIKE when {@code ignoreCase}). A constant pattern is
 * compiled once when the statement is prepared; a parameter pattern once per distinct value.
 */
public final class Like implements Expr {
    private final Expr operand;
    private final Expr pattern;
    private final Expr escape;
    private final boolean negated;
    private final boolean ignoreCase;
    private String lastPattern;
    private Object lastEscape;
    private LikePattern compiled;

    public Like(Expr operand, Expr pattern, Expr escape, boolean negated, boolean ignoreCase) {
        this.operand = operand;
        this.pattern = pattern;
        this.escape = escape;
        this.negated = negated;
        this.ignoreCase = ignoreCase;
    }

    public Expr operand() {
        return operand;
    }

    public Expr pattern() {
        return pattern;
    }

    public Expr escape() {
        return escape;
    }

    public boolean negated() {
        return negated;
    }

    public boolean ignoreCase() {
        return ignoreCase;
    }

    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        Object v = operand.eval(row, ctx);
        if (v == null) {
            return null;
        }
        Object p = pattern.eval(row, ctx);
        if (p == null) {
            return null;
        }
        Object e = escape == null ? null : escape.eval(row, ctx);
        LikePattern lp = compiledFor(Cast.toText(p), e);
        return lp.matches(Cast.toText(v)) != negated;
    }

    private LikePattern compiledFor(String p, Object e) {
        if (compiled == null || !p.equals(lastPattern) || !java.util.Objects.equals(e, lastEscape)) {
            Character esc = null;
            if (e != null) {
                String es = Cast.toText(e);
                if (es.length() != 1) {
                    throw new io.recall.parser.error.RecallException(io.recall.parser.error.ErrorCode.INVALID_ESCAPE,
                            "ESCAPE must be a single character, got '" + es + "'");
                }
                esc = es.charAt(0);
            }
            compiled = LikePattern.compile(p, esc, ignoreCase);
            lastPattern = p;
            lastEscape = e;
        }
        return compiled;
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }

    @Override
    public Expr[] children() {
        return escape == null ? new Expr[]{operand, pattern} : new Expr[]{operand, pattern, escape};
    }
}
