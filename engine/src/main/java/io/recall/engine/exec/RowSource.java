package io.recall.engine.exec;

import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.RowVisitor;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The access path of a single-table statement: read by primary key when the WHERE pins it, else
 * through an ordered index when the WHERE has equalities on its leading columns, a range after
 * them or IN on its first column ({@link IndexAccess}), else a scan with the WHERE pushed into the
 * store. The index is chosen on first use and again whenever the table's set of indexes changed
 * since; a source made for an ORDER BY prefers, between equally good index reads, one that
 * yields that order.
 * Whichever path, every row passed on satisfies the full WHERE.
 *
 * <p>A source made {@link #inKeyOrder} (a query's read of one {@code ordered_set} table) passes its rows in
 * primary-key order whatever the path: a scan walks the table's key order ({@link KeyOrder}), a key range
 * reads it, and the rows of a key lookup or of a read through another index are sorted by key first (a read
 * through an index returns at most a quarter of a large table, else the table is walked instead).
 */
public final class RowSource {
    private record Choice(List<OrderedIndex> indexes, IndexAccess access) {
    }

    private final Expr where;
    private final int offset;
    private final ColumnOrder order;
    private final KeyLookup keyLookup;
    private final PrimaryKey primaryKey;
    /** The table's key order when rows must come out in it; null when any order will do. */
    private final IndexLayout keyOrder;
    private volatile Choice choice;

    public RowSource(TableDef table, Expr where) {
        this(table, where, 0, null, false);
    }

    /**
     * For a query reading one table: an {@code ordered_set} table's rows then come out in primary-key order,
     * a {@code set} table's in any order.
     */
    public static RowSource inKeyOrder(TableDef table, Expr where) {
        return new RowSource(table, where, 0, null, table.ordered());
    }

    /** For a join input: the table's columns are read at {@code offset} and up in the rows {@code where} sees. */
    public RowSource(TableDef table, Expr where, int offset) {
        this(table, where, offset, null, false);
    }

    /** For a read that would rather get its rows in {@code order}. */
    public RowSource(TableDef table, Expr where, ColumnOrder order) {
        this(table, where, 0, order, false);
    }

    private RowSource(TableDef table, Expr where, int offset, ColumnOrder order, boolean inKeyOrder) {
        this.where = where;
        this.offset = offset;
        this.order = order;
        this.keyLookup = KeyLookup.analyze(table, where, offset);
        this.primaryKey = table.hasPrimaryKey() ? new PrimaryKey(table) : null;
        this.keyOrder = inKeyOrder ? KeyOrder.layout(table) : null;
    }

    public boolean usesKeyLookup() {
        return keyLookup != null;
    }

    /** How many keys the condition pins the primary key to, or -1 when it does not. */
    public long keyCount(EvalContext ctx) {
        return keyLookup == null ? -1 : keyLookup.keys(primaryKey, ctx).size();
    }

    /**
     * "primary key lookup", "index NAME lookup (~N of M rows)", "index NAME range (~N of M rows)",
     * "scan" or "scan (index NAME would read ~N of M rows)"; a read of the key order is "primary key
     * range" or "primary key prefix lookup"; a source {@link #inKeyOrder} says "scan in key order", and
     * ", sorted by key" after a read through another index. {@code ctx} gives bound values for the
     * estimate when it has them.
     */
    public String describe(TableStore store, EvalContext ctx, boolean forceScan) {
        String scan = keyOrder != null ? "scan in key order" : "scan";
        if (forceScan) {
            return scan + " (forced)";
        }
        if (keyLookup != null) {
            return "primary key lookup";
        }
        IndexAccess access = indexAccess(store);
        if (access == null) {
            return scan;
        }
        String estimate = access.estimate(ctx);
        if (scanIsCheaper(access, ctx)) {
            return scan + " (" + access.readName() + " would read " + estimate + ")";
        }
        return access.describe() + " (" + estimate + ")" + (keyOrder == null || access.readsKeyOrder() ? ""
                : ", sorted by key");
    }

    /** The keys of the rows the WHERE selects, read before a write locks them one by one. */
    public List<Object> keys(TableStore store, EvalContext ctx, ExecutionControl control) {
        List<Object> keys = new java.util.ArrayList<>();
        forEach(store, ctx, control, (key, row) -> keys.add(key));
        return keys;
    }

    /** The rows that satisfy the WHERE (a single-table statement: the WHERE reads the stored row). */
    public void forEach(TableStore store, EvalContext ctx, ExecutionControl control, RowVisitor visitor) {
        if (offset != 0) {
            throw new IllegalStateException("A join input checks its condition on the wide row itself");
        }
        IndexAccess access = control.forceScan() || keyLookup != null ? null : indexRead(store, ctx);
        if (!control.forceScan() && (keyLookup != null || access != null)) {
            if (keyOrder == null || access != null && access.readsKeyOrder()) {
                forEachCandidate(store, ctx, control, checking(ctx, visitor));
            } else {
                sortedByKey(visitor, collect -> forEachCandidate(store, ctx, control, checking(ctx, collect)));
            }
            return;
        }
        scan(store, ctx, control, visitor);
    }

    /** Passes the rows that satisfy the WHERE on to {@code next}. */
    private RowVisitor checking(EvalContext ctx, RowVisitor next) {
        return (key, row) -> where != null && !Expr.isTrue(where, row, ctx) || next.visit(key, row);
    }

    /** Collects the rows {@code read} passes to its visitor, then passes them on to {@code visitor} in key order. */
    private void sortedByKey(RowVisitor visitor, Consumer<RowVisitor> read) {
        List<Object[]> entries = new ArrayList<>();
        read.accept((key, row) -> {
            entries.add(new Object[]{keyOrder.entry(key, row), row});
            return true;
        });
        entries.sort((a, b) -> keyOrder.compare((Object[]) a[0], (Object[]) b[0]));
        int last = keyOrder.width();
        for (Object[] e : entries) {
            if (!visitor.visit(((Object[]) e[0])[last], (Object[]) e[1])) {
                return;
            }
        }
    }

    /**
     * Every row the chosen path reads — by primary key, through an index, or all of them — without
     * checking the WHERE, which the caller does (a join input checks it on its wide row).
     */
    public void forEachCandidate(TableStore store, EvalContext ctx, ExecutionControl control, RowVisitor visitor) {
        if (!control.forceScan() && keyLookup != null) {
            for (Object key : keyLookup.keys(primaryKey, ctx)) {
                Object[] row = store.get(key);
                if (row != null && !visitor.visit(key, row)) {
                    return;
                }
            }
            return;
        }
        IndexAccess access = control.forceScan() ? null : indexRead(store, ctx);
        if (access != null) {
            access.forEach(store, ctx, ticking(control, visitor));
        } else {
            store.scan(null, ticking(control, visitor));
        }
    }

    private static RowVisitor ticking(ExecutionControl control, RowVisitor visitor) {
        return (key, row) -> {
            control.tick();
            return visitor.visit(key, row);
        };
    }

    private void scan(TableStore store, EvalContext ctx, ExecutionControl control, RowVisitor visitor) {
        if (keyOrder != null) {
            scanInKeyOrder(store, ctx, control, visitor);
            return;
        }
        if (where == null) {
            store.scan(null, ticking(control, visitor));
        } else {
            store.scan(row -> {
                control.tick();
                return Expr.isTrue(where, row, ctx);
            }, visitor);
        }
    }

    /**
     * The rows of an {@code ordered_set} table in key order: a walk of its key order, or, should the store not
     * keep it, a scan sorted by key.
     */
    private void scanInKeyOrder(TableStore store, EvalContext ctx, ExecutionControl control, RowVisitor visitor) {
        OrderedIndex keys = KeyOrder.of(store);
        if (keys != null) {
            MergedWalk.read(keys, store, new Object[]{IndexLayout.MIN}, new Object[]{IndexLayout.MAX},
                    IndexWalk.FORWARD, ticking(control, checking(ctx, visitor)));
        } else {
            sortedByKey(visitor, collect -> store.scan(null, ticking(control, checking(ctx, collect))));
        }
    }

    /** The index read to use for this execution: the chosen one, unless a scan would be cheaper. */
    private IndexAccess indexRead(TableStore store, EvalContext ctx) {
        IndexAccess access = indexAccess(store);
        return access == null || scanIsCheaper(access, ctx) ? null : access;
    }

    /**
     * True when scanning the table is cheaper than the index read: never for a read of the key order when the
     * scan would walk that same key order.
     */
    private boolean scanIsCheaper(IndexAccess access, EvalContext ctx) {
        return !(keyOrder != null && access.readsKeyOrder()) && access.scanIsCheaper(ctx);
    }

    /** The index read for the table's current indexes (chosen again when they changed), or null. */
    public IndexAccess indexAccess(TableStore store) {
        if (keyLookup != null || where == null) {
            return null;
        }
        List<OrderedIndex> now = store.indexes();
        Choice c = choice;
        if (c == null || c.indexes() != now) {
            c = new Choice(now, IndexAccess.choose(now, where, offset, order));
            choice = c;
        }
        return c.access();
    }
}
