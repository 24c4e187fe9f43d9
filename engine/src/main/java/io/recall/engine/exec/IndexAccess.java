package io.recall.engine.exec;

import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.IndexStatistics;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.RowVisitor;
import io.recall.engine.storage.TableStore;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.IsNull;
import io.recall.parser.expr.Literal;
import io.recall.parser.expr.Logical;
import io.recall.parser.types.ColumnType;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A read through an ordered index, recognised in a WHERE: equalities (or IS NULL) on a prefix of
 * the index's columns, or IN on its first column, make a lookup; such a prefix (possibly empty)
 * followed by a range on the next column makes a range ({@link IndexRange}). The index gives the
 * keys of committed rows; the transaction's own written keys are added; each row is then read as
 * the transaction sees it, and the caller re-checks the full WHERE, so an index can only make a
 * query faster, never change its answer.
 */
public final class IndexAccess {
    /** Marks an IS NULL lookup: NULL entries are read, although NULL equals nothing in a comparison. */
    private static final Literal NULL_VALUE = new Literal(null, ColumnType.UNKNOWN);

    private final OrderedIndex index;
    /** A lookup's reads, each the equal values of the index's first columns; null for a range. */
    private final Expr[][] tuples;
    private final IndexRange range;

    private IndexAccess(OrderedIndex index, Expr[][] tuples, IndexRange range) {
        this.index = index;
        this.tuples = tuples;
        this.range = range;
    }

    /** The best index read for this WHERE, or null. Table columns are read at {@code offset} and up. */
    public static IndexAccess choose(List<OrderedIndex> indexes, Expr where, int offset) {
        return choose(indexes, where, offset, null);
    }

    /**
     * The same; between reads that score the same, one that yields the rows in {@code order}
     * (when not null) wins, so the sort can be skipped.
     */
    public static IndexAccess choose(List<OrderedIndex> indexes, Expr where, int offset, ColumnOrder order) {
        if (where == null || indexes == null || indexes.isEmpty()) {
            return null;
        }
        Expr[] conjuncts = where instanceof Logical l && l.and() ? l.operands() : new Expr[]{where};
        IndexAccess best = null;
        for (OrderedIndex index : indexes) {
            IndexAccess candidate = analyze(index, conjuncts, offset);
            if (candidate != null && (best == null || candidate.betterThan(best, order))) {
                best = candidate;
            }
        }
        return best;
    }

    /**
     * Fewer estimated rows wins (bound values unknown here: the statistics' guesses for ranges);
     * then the read that pins more columns; then the one that yields the rows in {@code order}.
     */
    private boolean betterThan(IndexAccess other, ColumnOrder order) {
        double mine = estimatedRows(null);
        double theirs = other.estimatedRows(null);
        if (mine != theirs) {
            return mine < theirs;
        }
        if (score() != other.score()) {
            return score() > other.score();
        }
        return order != null && other.walk(order) == null && walk(order) != null;
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
                best = new IndexAccess(index, new Expr[][]{Arrays.copyOf(prefix, k)}, null);
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
            Expr v = equalValue(conjuncts, layout.column(k) + offset);
            if (v == null) {
                break;
            }
            prefix[k++] = v;
        }
        Expr[] equal = Arrays.copyOf(prefix, k);
        if (k == 0) {
            Expr[][] in = KeyLookup.inItems(conjuncts, layout.column(0) + offset);
            if (in != null) {
                return new IndexAccess(index, in, null);
            }
        }
        IndexRange r = k < layout.width() ? IndexRange.find(conjuncts, layout.column(k) + offset, equal) : null;
        if (r != null) {
            return new IndexAccess(index, null, r);
        }
        return k > 0 ? new IndexAccess(index, new Expr[][]{equal}, null) : null;
    }

    /** The value {@code column = value} pins, {@link #NULL_VALUE} for {@code column IS NULL}, or null. */
    private static Expr equalValue(Expr[] conjuncts, int column) {
        Expr v = KeyLookup.equalityValue(conjuncts, column);
        if (v != null) {
            return v;
        }
        for (Expr c : conjuncts) {
            if (c instanceof IsNull n && !n.negated() && KeyLookup.isColumn(n.operand(), column)) {
                return NULL_VALUE;
            }
        }
        return null;
    }

    /**
     * The equal values to read, computed over {@code outer}, with {@code room} free places after
     * them; null when one is NULL from a comparison (it equals nothing), while IS NULL reads the
     * NULL entries.
     */
    static Object[] evaluate(Expr[] values, int room, Object[] outer, EvalContext ctx) {
        Object[] out = new Object[values.length + room];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i].eval(outer, ctx);
            if (v == null && values[i] != NULL_VALUE) {
                return null;
            }
            out[i] = v;
        }
        return out;
    }

    /**
     * Below this many rows a table is read through any fitting index: either path costs
     * microseconds, and a stable choice keeps plans predictable.
     */
    static final long SMALL_TABLE = 1000;
    /**
     * Reading a row through an index (a walk step and a keyed read) costs a few times what a scan
     * spends on it; past this fraction of the table the scan is cheaper.
     */
    static final double SCAN_FRACTION = 0.25;

    /** Estimated rows this read passes on, from the index's statistics (bound values from {@code ctx} if given). */
    public double estimatedRows(EvalContext ctx) {
        IndexStatistics stats = index.statistics();
        if (range != null) {
            return range.estimate(stats, ctx);
        }
        int width = tuples[0].length;
        boolean unique = index.layout().unique() || index.layout().isKeyOrder();
        if (unique && width == index.layout().width()) {
            return Math.min(stats.entries(), tuples.length);
        }
        double rows = 0;
        for (Expr[] tuple : tuples) {
            rows += width == 1 && ctx != null ? equalTo(stats, tuple[0], ctx) : stats.perValue(width);
        }
        return Math.min(stats.entries(), rows);
    }

    /** A lookup of one column with this execution's value: the histogram knows the frequent values. */
    private static double equalTo(IndexStatistics stats, Expr value, EvalContext ctx) {
        try {
            return stats.equalTo(value.eval(null, ctx));
        } catch (RecallException e) {
            // a value that cannot be computed yet (a parameter not set for EXPLAIN, say): the average
            return stats.perValue(1);
        }
    }

    public IndexStatistics statistics() {
        return index.statistics();
    }

    /** The rows of the table, as the index counts them. */
    public long tableRows() {
        return index.statistics().entries();
    }

    /** True when a scan of the table would be cheaper than this read (see {@link #SCAN_FRACTION}). */
    public boolean scanIsCheaper(EvalContext ctx) {
        long rows = tableRows();
        return rows >= SMALL_TABLE && estimatedRows(ctx) > rows * SCAN_FRACTION;
    }

    private int score() {
        if (range != null) {
            return 100 * range.prefixWidth() + (range.boundedBothWays() ? 20 : 10);
        }
        if (tuples.length != 1) {
            return 60;
        }
        int width = tuples[0].length;
        return 100 * width + (index.layout().unique() && width == index.layout().width() ? 50 : 0);
    }

    /**
     * Which way to read so that the rows come out in {@code order}, or null when this read cannot
     * deliver it (several lookups, or an index that does not lead with the sort columns after the
     * columns it holds equal). Rows the transaction wrote itself come last, out of order.
     */
    public IndexWalk walk(ColumnOrder order) {
        if (tuples != null && tuples.length != 1) {
            return null;
        }
        return order.walk(index.layout(), tuples != null ? tuples[0].length : range.prefixWidth());
    }

    /** "index NAME lookup", "index NAME range", or for the key order "primary key prefix lookup" / "primary key range". */
    public String describe() {
        return readName(index.layout()) + (tuples == null ? " range" : index.layout().isKeyOrder() ? " prefix lookup"
                : " lookup");
    }

    /** How EXPLAIN names the index read: "index NAME", or "primary key" for the key order. */
    public String readName() {
        return readName(index.layout());
    }

    /** How EXPLAIN names a read of that index: "index NAME", or "primary key" for the key order. */
    public static String readName(IndexLayout layout) {
        return layout.isKeyOrder() ? "primary key" : "index " + layout.displayName();
    }

    /** True when this reads the key order of an ordered_set table ({@link KeyOrder}). */
    public boolean readsKeyOrder() {
        return index.layout().isKeyOrder();
    }

    /** The estimate for EXPLAIN: {@code ~120 of 10000 rows}. */
    public String estimate(EvalContext ctx) {
        return "~" + Math.round(estimatedRows(ctx)) + " of " + tableRows() + " rows";
    }

    /**
     * Passes each candidate row present in the transaction's view, once, to {@code visitor}
     * (until it returns false); the caller checks the WHERE.
     */
    public void forEach(TableStore store, EvalContext ctx, RowVisitor visitor) {
        read(store, null, ctx, IndexWalk.FORWARD, visitor);
    }

    /** The same, reading the index in the given direction (see {@link #walk}). */
    public void forEach(TableStore store, EvalContext ctx, IndexWalk walk, RowVisitor visitor) {
        read(store, null, ctx, walk, visitor);
    }

    /**
     * The same, with the looked-up values computed over {@code outer}: the current row of the
     * other side of a join, for an index lookup join.
     */
    public void forEach(TableStore store, Object[] outer, EvalContext ctx, RowVisitor visitor) {
        read(store, outer, ctx, IndexWalk.FORWARD, visitor);
    }

    private void read(TableStore store, Object[] outer, EvalContext ctx, IndexWalk walk, RowVisitor visitor) {
        if (tuples == null || tuples.length == 1) {
            Object[][] bounds = tuples == null ? range.bounds(index.layout(), ctx) : lookupBounds(tuples[0], outer, ctx);
            if (bounds != null) {
                MergedWalk.read(index, store, bounds[0], bounds[1], walk, visitor);
            }
            return;
        }
        // several lookups (IN): each one's committed keys, then the transaction's own rows, each key once
        Set<Object> seen = new HashSet<>();
        boolean[] stopped = {false};
        Predicate<Object> fetch = key -> {
            if (!seen.add(key)) {
                return true;
            }
            Object[] row = store.get(key);
            if (row != null && !visitor.visit(key, row)) {
                stopped[0] = true;
                return false;
            }
            return true;
        };
        for (Expr[] tuple : tuples) {
            Object[][] bounds = lookupBounds(tuple, outer, ctx);
            if (bounds != null) {
                index.keys(bounds[0], bounds[1], fetch);
            }
            if (stopped[0]) {
                return;
            }
        }
        for (Object key : OwnWrites.writtenKeys(store)) {
            if (!fetch.test(key)) {
                return;
            }
        }
    }

    /** {@code [v..., MIN]} to {@code [v..., MAX]}: every entry with the tuple's values; null when one is NULL. */
    private static Object[][] lookupBounds(Expr[] tuple, Object[] outer, EvalContext ctx) {
        Object[] from = evaluate(tuple, 1, outer, ctx);
        if (from == null) {
            return null;
        }
        Object[] to = from.clone();
        from[tuple.length] = IndexLayout.MIN;
        to[tuple.length] = IndexLayout.MAX;
        return new Object[][]{from, to};
    }
}
