package io.recall.engine.exec;

import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.IndexStatistics;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.Between;
import io.recall.parser.expr.Comparison;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.Like;
import io.recall.parser.expr.Literal;
import io.recall.parser.types.ColumnType;

import java.util.Arrays;

/**
 * A range read of an ordered index: equal values on its first columns (the prefix, possibly
 * none), then a lower and/or upper bound on the next column, from {@code <}, {@code <=},
 * {@code >}, {@code >=}, BETWEEN or {@code LIKE 'abc%'}. A bound never matches NULL, so the
 * NULLs of the bounded column are outside the range.
 */
final class IndexRange {
    private final Expr[] prefix;
    private final Expr low;
    private final boolean lowInclusive;
    private final Expr high;
    private final boolean highInclusive;

    private IndexRange(Expr[] prefix, Expr low, boolean lowInclusive, Expr high, boolean highInclusive) {
        this.prefix = prefix;
        this.low = low;
        this.lowInclusive = lowInclusive;
        this.high = high;
        this.highInclusive = highInclusive;
    }

    /**
     * The range the conjuncts put on {@code column} (its place in the rows they read), after the
     * equal values {@code prefix} on the index's earlier columns; null when they bound it nowhere.
     */
    static IndexRange find(Expr[] conjuncts, int column, Expr[] prefix) {
        for (Expr c : conjuncts) {
            String start = likePrefix(c, column);
            if (start != null) {
                return new IndexRange(prefix, new Literal(start, ColumnType.VARCHAR), true,
                        new Literal(start + Character.MAX_VALUE, ColumnType.VARCHAR), true);
            }
        }
        Expr lo = null;
        Expr hi = null;
        boolean loInc = false;
        boolean hiInc = false;
        for (Expr c : conjuncts) {
            if (c instanceof Between b && !b.negated() && KeyLookup.isColumn(b.operand(), column)
                    && KeyLookup.isFree(b.low()) && KeyLookup.isFree(b.high()) && lo == null && hi == null) {
                lo = b.low();
                hi = b.high();
                loInc = true;
                hiInc = true;
            } else if (c instanceof Comparison cmp) {
                Comparison.Op op = null;
                Expr value = null;
                if (KeyLookup.isColumn(cmp.left(), column) && KeyLookup.isFree(cmp.right())) {
                    op = cmp.op();
                    value = cmp.right();
                } else if (KeyLookup.isColumn(cmp.right(), column) && KeyLookup.isFree(cmp.left())) {
                    op = cmp.op().mirrored();
                    value = cmp.left();
                }
                if (op == null) {
                    continue;
                }
                if ((op == Comparison.Op.GT || op == Comparison.Op.GE) && lo == null) {
                    lo = value;
                    loInc = op == Comparison.Op.GE;
                } else if ((op == Comparison.Op.LT || op == Comparison.Op.LE) && hi == null) {
                    hi = value;
                    hiInc = op == Comparison.Op.LE;
                }
            }
        }
        return lo == null && hi == null ? null : new IndexRange(prefix, lo, loInc, hi, hiInc);
    }

    /** The fixed start of {@code column LIKE 'abc%...'} (case-sensitive, constant pattern), or null. */
    private static String likePrefix(Expr c, int column) {
        if (!(c instanceof Like like) || like.negated() || like.ignoreCase() || like.escape() != null
                || !KeyLookup.isColumn(like.operand(), column) || !(like.pattern() instanceof Literal lit)
                || !(lit.value() instanceof String pattern)) {
            return null;
        }
        int end = 0;
        while (end < pattern.length() && pattern.charAt(end) != '%' && pattern.charAt(end) != '_') {
            end++;
        }
        return end == 0 ? null : pattern.substring(0, end);
    }

    /** How many leading index columns the range holds equal. */
    int prefixWidth() {
        return prefix.length;
    }

    boolean boundedBothWays() {
        return low != null && high != null;
    }

    /**
     * Estimated entries the range reads. A range on the first column is measured against the
     * histogram with this execution's bound values (when {@code ctx} can give them); otherwise a
     * one-sided range is taken to read a third of what the prefix selects, a two-sided one a tenth.
     */
    double estimate(IndexStatistics stats, EvalContext ctx) {
        double selected = prefix.length == 0 ? stats.entries() : stats.perValue(prefix.length);
        if (prefix.length == 0 && ctx != null) {
            try {
                Object lo = low == null ? null : low.eval(null, ctx);
                Object hi = high == null ? null : high.eval(null, ctx);
                if (low != null && lo == null || high != null && hi == null) {
                    return 0;
                }
                return selected * stats.rangeFraction(lo, hi);
            } catch (RecallException e) {
                // a bound that cannot be computed yet (a parameter not set for EXPLAIN, say): use the guess
                return selected * (boundedBothWays() ? 0.1 : 0.33);
            }
        }
        return selected * (boundedBothWays() ? 0.1 : 0.33);
    }

    /**
     * The range's first and last entry bounds in index order; null when a value or bound is NULL
     * (nothing can match).
     */
    Object[][] bounds(IndexLayout layout, EvalContext ctx) {
        Object[] equal = IndexAccess.evaluate(prefix, 0, null, ctx);
        Object lo = low == null ? null : low.eval(null, ctx);
        Object hi = high == null ? null : high.eval(null, ctx);
        if (equal == null || low != null && lo == null || high != null && hi == null) {
            return null;
        }
        Object min = IndexLayout.MIN;
        Object max = IndexLayout.MAX;
        // the bounds in entry order: a DESC column runs from its high values down to its NULLs
        if (!layout.descending(prefix.length)) {
            return new Object[][]{low == null ? bound(equal, null, max) : bound(equal, lo, lowInclusive ? min : max),
                high == null ? edge(equal, max) : bound(equal, hi, highInclusive ? max : min)};
        }
        return new Object[][]{high == null ? edge(equal, min) : bound(equal, hi, highInclusive ? min : max),
            low == null ? bound(equal, null, min) : bound(equal, lo, lowInclusive ? max : min)};
    }

    /** {@code [equal..., value, side]}: just before or after the entries of {@code value} under the prefix. */
    private static Object[] bound(Object[] equal, Object value, Object side) {
        Object[] b = Arrays.copyOf(equal, equal.length + 2);
        b[equal.length] = value;
        b[equal.length + 1] = side;
        return b;
    }

    /** {@code [equal..., side]}: before or after every entry under the prefix. */
    private static Object[] edge(Object[] equal, Object side) {
        Object[] b = Arrays.copyOf(equal, equal.length + 1);
        b[equal.length] = side;
        return b;
    }
}
