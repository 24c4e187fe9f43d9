package io.recall.engine.exec;

import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.RowVisitor;
import io.recall.engine.storage.TableStore;
import io.recall.parser.expr.Between;
import io.recall.parser.expr.Comparison;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.InList;
import io.recall.parser.expr.IsNull;
import io.recall.parser.expr.Like;
import io.recall.parser.expr.Literal;
import io.recall.parser.types.ColumnType;
import io.recall.parser.expr.Logical;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A read through an ordered index, recognised in a WHERE: equalities on a prefix of the index's
 * columns (or IN on its first column) make a lookup, comparisons or BETWEEN on its first column a
 * range. The index gives the keys of committed rows; the transaction's own written keys are
 * added; each row is then read as the transaction sees it, and the caller re-checks the full
 * WHERE, so an index can only make a query faster, never change its answer.
 */
public final class IndexAccess {
    private final OrderedIndex index;
    private final Expr[][] tuples;
    private final Expr low;
    private final boolean lowInclusive;
    private final Expr high;
    private final boolean highInclusive;

    private IndexAccess(OrderedIndex index, Expr[][] tuples, Expr low, boolean lowInclusive, Expr high,
                        boolean highInclusive) {
        this.index = index;
        this.tuples = tuples;
        this.low = low;
        this.lowInclusive = lowInclusive;
        this.high = high;
        this.highInclusive = highInclusive;
    }

    /** The best index read for this WHERE, or null. Table columns are read at {@code offset} and up. */
    public static IndexAccess choose(List<OrderedIndex> indexes, Expr where, int offset) {
        if (where == null || indexes == null || indexes.isEmpty()) {
            return null;
        }
        Expr[] conjuncts = where instanceof Logical l && l.and() ? l.operands() : new Expr[]{where};
        IndexAccess best = null;
        int bestScore = 0;
        for (OrderedIndex index : indexes) {
            IndexAccess candidate = analyze(index, conjuncts, offset);
            int score = candidate == null ? 0 : candidate.score();
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * An index lookup for a join: {@code values[i]} (over the other side's row) equals table column
     * {@code columns[i]}. The index covering the longest prefix of its columns wins; null if none.
     */
    public static IndexAccess forJoin(List<OrderedIndex> indexes, int[] columns, Expr[] values) {
        IndexAccess best = null;
        int bestWidth = 0;
        for (OrderedIndex index : indexes == null ? List.<OrderedIndex>of() : indexes) {
            IndexLayout layout = index.layout();
            Expr[] prefix = new Expr[layout.width()];
            int k = 0;
            while (k < layout.width()) {
                int found = -1;
                for (int i = 0; i < columns.length; i++) {
                    if (columns[i] == layout.column(k)) {
                        found = i;
                    }
                }
                if (found < 0) {
                    break;
                }
                prefix[k++] = values[found];
            }
            if (k > bestWidth) {
                best = new IndexAccess(index, new Expr[][]{java.util.Arrays.copyOf(prefix, k)}, null, false, null,
                        false);
                bestWidth = k;
            }
        }
        return best;
    }

    private static IndexAccess analyze(OrderedIndex index, Expr[] conjuncts, int offset) {
        IndexLayout layout = index.layout();
        int k = 0;
        Expr[] prefix = new Expr[layout.width()];
        while (k < layout.width()) {
            Expr v = KeyLookup.equalityValue(conjuncts, layout.column(k) + offset);
            if (v == null) {
                break;
            }
            prefix[k++] = v;
        }
        if (k > 0) {
            return new IndexAccess(index, new Expr[][]{java.util.Arrays.copyOf(prefix, k)}, null, false, null, false);
        }
        int first = layout.column(0) + offset;
        Expr[][] in = KeyLookup.inItems(conjuncts, first);
        if (in != null) {
            return new IndexAccess(index, in, null, false, null, false);
        }
        for (Expr c : conjuncts) {
            if (c instanceof IsNull n && !n.negated() && KeyLookup.isColumn(n.operand(), first)) {
                return new IndexAccess(index, new Expr[][]{{NULL_VALUE}}, null, false, null, false);
            }
        }
        for (Expr c : conjuncts) {
            String start = likePrefix(c, first);
            if (start != null) {
                return new IndexAccess(index, null, new Literal(start, ColumnType.VARCHAR), true,
                        new Literal(start + Character.MAX_VALUE, ColumnType.VARCHAR), true);
            }
        }
        Expr lo = null;
        Expr hi = null;
        boolean loInc = false;
        boolean hiInc = false;
        for (Expr c : conjuncts) {
            if (c instanceof Between b && !b.negated() && KeyLookup.isColumn(b.operand(), first)
                    && KeyLookup.isFree(b.low()) && KeyLookup.isFree(b.high()) && lo == null && hi == null) {
                lo = b.low();
                hi = b.high();
                loInc = true;
                hiInc = true;
            } else if (c instanceof Comparison cmp) {
                Comparison.Op op = null;
                Expr value = null;
                if (KeyLookup.isColumn(cmp.left(), first) && KeyLookup.isFree(cmp.right())) {
                    op = cmp.op();
                    value = cmp.right();
                } else if (KeyLookup.isColumn(cmp.right(), first) && KeyLookup.isFree(cmp.left())) {
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
        return lo == null && hi == null ? null : new IndexAccess(index, null, lo, loInc, hi, hiInc);
    }

    /** Marks an IS NULL lookup: NULL entries are read, although NULL equals nothing in a comparison. */
    private static final Literal NULL_VALUE = new Literal(null, ColumnType.UNKNOWN);

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

    private int score() {
        if (tuples == null) {
            return low != null && high != null ? 20 : 10;
        }
        if (tuples.length != 1) {
            return 60;
        }
        int width = tuples[0].length;
        return 100 * width + (index.layout().unique() && width == index.layout().width() ? 50 : 0);
    }

    /**
     * True when the rows come out ordered by {@code columns} (ascending): a single lookup or a
     * range on an index whose leading columns are exactly those, read in index order.
     */
    public boolean yieldsInOrderOf(int[] columns) {
        IndexLayout layout = index.layout();
        if (tuples != null && tuples.length != 1 || layout.width() < columns.length) {
            return false;
        }
        for (int i = 0; i < columns.length; i++) {
            if (layout.column(i) != columns[i]) {
                return false;
            }
        }
        return true;
    }

    public String describe() {
        return "index " + index.layout().displayName() + (tuples != null ? " lookup" : " range");
    }

    /**
     * Passes each candidate row present in the transaction's view, once, to {@code visitor}
     * (until it returns false); the caller checks the WHERE.
     */
    public void forEach(TableStore store, EvalContext ctx, RowVisitor visitor) {
        forEach(store, null, ctx, visitor);
    }

    /**
     * The same, with the looked-up values computed over {@code outer}: the current row of the
     * other side of a join, for an index lookup join.
     */
    public void forEach(TableStore store, Object[] outer, EvalContext ctx, RowVisitor visitor) {
        List<Object> own = OwnWrites.hasWrites(store) ? OwnWrites.writtenKeys(store) : List.of();
        // one range or one lookup never meets a key twice; several lookups or own writes may
        Set<Object> seen = own.isEmpty() && (tuples == null || tuples.length == 1) ? null : new HashSet<>();
        boolean[] stopped = {false};
        java.util.function.Predicate<Object> fetch = key -> {
            if (seen != null && !seen.add(key)) {
                return true;
            }
            Object[] row = store.get(key);
            if (row != null && !visitor.visit(key, row)) {
                stopped[0] = true;
                return false;
            }
            return true;
        };
        if (tuples != null) {
            for (Expr[] tuple : tuples) {
                Object[] from = new Object[tuple.length + 1];
                Object[] to = new Object[tuple.length + 1];
                boolean nullValue = false;
                for (int i = 0; i < tuple.length; i++) {
                    Object v = tuple[i].eval(outer, ctx);
                    nullValue |= v == null && tuple[i] != NULL_VALUE;
                    from[i] = v;
                    to[i] = v;
                }
                if (nullValue) {
                    continue;
                }
                from[tuple.length] = IndexLayout.MIN;
                to[tuple.length] = IndexLayout.MAX;
                index.keys(from, to, fetch);
                if (stopped[0]) {
                    return;
                }
            }
        } else if (!range(ctx, fetch)) {
            return;
        }
        if (!stopped[0]) {
            for (Object key : own) {
                if (!fetch.test(key)) {
                    return;
                }
            }
        }
    }

    /** Reads the range; false when a bound is NULL (nothing can match). */
    private boolean range(EvalContext ctx, java.util.function.Predicate<Object> fetch) {
        Object[] from;
        Object[] to;
        if (low == null) {
            from = new Object[]{null, IndexLayout.MAX};
        } else {
            Object v = low.eval(null, ctx);
            if (v == null) {
                return false;
            }
            from = new Object[]{v, lowInclusive ? IndexLayout.MIN : IndexLayout.MAX};
        }
        if (high == null) {
            to = new Object[]{IndexLayout.MAX};
        } else {
            Object v = high.eval(null, ctx);
            if (v == null) {
                return false;
            }
            to = new Object[]{v, highInclusive ? IndexLayout.MAX : IndexLayout.MIN};
        }
        index.keys(from, to, fetch);
        return true;
    }
}
