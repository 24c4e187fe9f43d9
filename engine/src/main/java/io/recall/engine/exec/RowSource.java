package io.recall.engine.exec;

import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.RowVisitor;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;

import java.util.List;

/**
 * The access path of a single-table statement: read by primary key when the WHERE pins it, else
 * through an ordered index when the WHERE has equalities on its leading columns, a range after
 * them or IN on its first column ({@link IndexAccess}), else a scan with the WHERE pushed into the
 * store. The index is chosen on first use and again whenever the table's set of indexes changed
 * since; a source made for an ORDER BY prefers, between equally good index reads, one that
 * yields that order.
 * Whichever path, every row passed on satisfies the full WHERE.
 */
public final class RowSource {
    private record Choice(List<OrderedIndex> indexes, IndexAccess access) {
    }

    private final Expr where;
    private final int offset;
    private final ColumnOrder order;
    private final KeyLookup keyLookup;
    private final PrimaryKey primaryKey;
    private volatile Choice choice;

    public RowSource(TableDef table, Expr where) {
        this(table, where, 0, null);
    }

    /** For a join input: the table's columns are read at {@code offset} and up in the rows {@code where} sees. */
    public RowSource(TableDef table, Expr where, int offset) {
        this(table, where, offset, null);
    }

    /** For a read that would rather get its rows in {@code order}. */
    public RowSource(TableDef table, Expr where, ColumnOrder order) {
        this(table, where, 0, order);
    }

    private RowSource(TableDef table, Expr where, int offset, ColumnOrder order) {
        this.where = where;
        this.offset = offset;
        this.order = order;
        this.keyLookup = KeyLookup.analyze(table, where, offset);
        this.primaryKey = table.hasPrimaryKey() ? new PrimaryKey(table) : null;
    }

    public boolean usesKeyLookup() {
        return keyLookup != null;
    }

    /**
     * "primary key lookup", "index NAME lookup (~N of M rows)", "index NAME range (~N of M rows)",
     * "scan" or "scan (index NAME would read ~N of M rows)". {@code ctx} gives bound values for
     * the estimate when it has them.
     */
    public String describe(TableStore store, EvalContext ctx, boolean forceScan) {
        if (forceScan) {
            return "scan (forced)";
        }
        if (keyLookup != null) {
            return "primary key lookup";
        }
        IndexAccess access = indexAccess(store);
        if (access == null) {
            return "scan";
        }
        String estimate = access.estimate(ctx);
        return access.scanIsCheaper(ctx) ? "scan (index " + access.indexName() + " would read " + estimate + ")"
                : access.describe() + " (" + estimate + ")";
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
        if (!control.forceScan() && (keyLookup != null || indexRead(store, ctx) != null)) {
            forEachCandidate(store, ctx, control,
                    (key, row) -> !Expr.isTrue(where, row, ctx) || visitor.visit(key, row));
            return;
        }
        scan(store, ctx, control, visitor);
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
        RowVisitor ticking = (key, row) -> {
            control.tick();
            return visitor.visit(key, row);
        };
        if (access != null) {
            access.forEach(store, ctx, ticking);
        } else {
            store.scan(null, ticking);
        }
    }

    private void scan(TableStore store, EvalContext ctx, ExecutionControl control, RowVisitor visitor) {
        if (where == null) {
            store.scan(null, (key, row) -> {
                control.tick();
                return visitor.visit(key, row);
            });
        } else {
            store.scan(row -> {
                control.tick();
                return Expr.isTrue(where, row, ctx);
            }, visitor);
        }
    }

    /** The index read to use for this execution: the chosen one, unless a scan would be cheaper. */
    private IndexAccess indexRead(TableStore store, EvalContext ctx) {
        IndexAccess access = indexAccess(store);
        return access == null || access.scanIsCheaper(ctx) ? null : access;
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
