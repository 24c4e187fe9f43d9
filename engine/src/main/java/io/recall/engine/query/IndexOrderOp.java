package io.recall.engine.query;

import io.recall.engine.exec.ColumnOrder;
import io.recall.engine.exec.IndexAccess;
import io.recall.engine.exec.IndexWalk;
import io.recall.engine.exec.KeyOrder;
import io.recall.engine.exec.MergedWalk;
import io.recall.engine.exec.RowCounts;
import io.recall.engine.exec.RowSource;
import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.RowVisitor;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;
import io.recall.parser.query.RowSink;

import java.util.List;

/**
 * ORDER BY table columns with a LIMIT, read in the order of an index that leads with the sort
 * keys, forward or backward ({@link ColumnOrder#walk}): rows come out already sorted, so the read
 * stops after OFFSET + LIMIT matching rows instead of sorting the table. A WHERE lookup or range
 * on that index is read the same way, in order; its equal columns do not count, so an index
 * (a, b) serves {@code WHERE a = ? ORDER BY b DESC}. The rows the transaction wrote itself are
 * merged in at their places ({@code MergedWalk}). When the WHERE is read by key or through an
 * index that does not yield the order, or when no index fits, the planned sort runs instead.
 * Without a LIMIT only the key order of an {@code ordered_set} table is read in order (it is what
 * a read of that table walks anyway); a read through another index would cost a keyed read per row
 * of the table, so other ORDER BYs without a LIMIT sort.
 */
final class IndexOrderOp extends Operator {
    /** How the rows are read in order: the WHERE's own index read, or else a whole index. */
    private record OrderedRead(IndexAccess access, OrderedIndex whole, IndexWalk walk) {
        String describe() {
            String read = access != null ? access.describe() : IndexAccess.readName(whole.layout());
            return read + " in order" + (walk == IndexWalk.BACKWARD ? ", backward" : "");
        }
    }

    private final TableDef table;
    private final Expr filter;
    private final Expr[] projections;
    private final ColumnOrder order;
    private final Expr limit;
    private final Expr offset;
    private final Operator fallback;
    private final RowSource filtered;

    IndexOrderOp(TableDef table, Expr filter, Expr[] projections, ColumnOrder order, Expr limit, Expr offset,
                 Operator fallback) {
        this.table = table;
        this.filter = filter;
        this.projections = projections;
        this.order = order;
        this.limit = limit;
        this.offset = offset;
        this.fallback = fallback;
        this.filtered = new RowSource(table, filter, order);
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        TableStore store = qc.store(table);
        OrderedRead read = ordered(qc);
        if (read == null) {
            fallback.run(qc, sink);
            return;
        }
        long max = RowCounts.limit(limit, qc.eval());
        long[] skip = {RowCounts.offset(offset, qc.eval())};
        long[] passed = {0};
        if (max == 0) {
            return;
        }
        RowVisitor emit = (key, row) -> {
            qc.control().tick();
            if (filter != null && !Expr.isTrue(filter, row, qc.eval())) {
                return true;
            }
            if (skip[0] > 0) {
                skip[0]--;
                return true;
            }
            Object[] out = new Object[projections.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = projections[i].eval(row, qc.eval());
            }
            passed[0]++;
            return sink.accept(out) && passed[0] < max;
        };
        if (read.access() != null) {
            read.access().forEach(store, qc.eval(), read.walk(), emit);
            return;
        }
        MergedWalk.read(read.whole(), store, new Object[]{IndexLayout.MIN}, new Object[]{IndexLayout.MAX}, read.walk(),
                emit);
    }

    /**
     * How to read the rows already in sort order: the WHERE's own index read when it yields that
     * order, else a whole index that leads with the sort columns (the key order first); null when
     * neither applies and the sort must run. Without a LIMIT, only reads of the key order.
     */
    private OrderedRead ordered(QueryContext qc) {
        TableStore store = qc.store(table);
        if (qc.control().forceScan() || filtered.usesKeyLookup()) {
            return null;
        }
        IndexAccess own = filtered.indexAccess(store);
        if (own != null) {
            IndexWalk walk = own.walk(order);
            return walk == null || limit == null && !own.readsKeyOrder() ? null : new OrderedRead(own, null, walk);
        }
        OrderedIndex keys = KeyOrder.of(store);
        IndexWalk byKey = keys == null ? null : order.walk(keys.layout(), 0);
        if (byKey != null) {
            return new OrderedRead(null, keys, byKey);
        }
        if (limit == null) {
            return null;
        }
        for (OrderedIndex index : store.indexes()) {
            IndexWalk walk = order.walk(index.layout(), 0);
            if (walk != null) {
                return new OrderedRead(null, index, walk);
            }
        }
        return null;
    }

    /** Read in order or sorted by the fallback, never more than the LIMIT (or the fallback's rows without one). */
    @Override
    long rowBound(QueryContext qc) {
        return Math.min(RowCounts.limit(limit, qc.eval()), fallback.rowBound(qc));
    }

    @Override
    String describe(QueryContext qc) {
        OrderedRead read = ordered(qc);
        return read == null ? fallback.describe(qc) : "table " + explainName(qc, table) + ": " + read.describe()
                + (limit == null ? "" : ", limit");
    }

    @Override
    List<Operator> inputs(QueryContext qc) {
        return ordered(qc) == null ? fallback.inputs(qc) : List.of();
    }
}
