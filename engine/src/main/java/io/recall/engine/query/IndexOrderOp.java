package io.recall.engine.query;

import io.recall.engine.exec.OwnWrites;
import io.recall.engine.exec.RowCounts;
import io.recall.engine.exec.IndexAccess;
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
 * ORDER BY table columns with a LIMIT, read in the order of an index whose leading columns are
 * the sort keys: rows come out already sorted, so the read stops after OFFSET + LIMIT matching
 * rows instead of sorting the table. A WHERE range or lookup on that index is read the same way,
 * in order. When the WHERE is read by key or through another index, when no index fits, or when
 * the transaction has written rows of the table (the index holds committed rows only), the
 * planned top-N sort runs instead.
 */
final class IndexOrderOp extends Operator {
    private final TableDef table;
    private final Expr filter;
    private final Expr[] projections;
    private final int[] sortColumns;
    private final Expr limit;
    private final Expr offset;
    private final Operator fallback;
    private final RowSource filtered;

    IndexOrderOp(TableDef table, Expr filter, Expr[] projections, int[] sortColumns, Expr limit, Expr offset,
                 Operator fallback) {
        this.table = table;
        this.filter = filter;
        this.projections = projections;
        this.sortColumns = sortColumns;
        this.limit = limit;
        this.offset = offset;
        this.fallback = fallback;
        this.filtered = new RowSource(table, filter);
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        TableStore store = qc.store(table);
        Object access = ordered(qc);
        if (access == null) {
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
            if (row == null || filter != null && !Expr.isTrue(filter, row, qc.eval())) {
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
        if (access instanceof IndexAccess read) {
            read.forEach(store, qc.eval(), emit);
        } else {
            ((OrderedIndex) access).keys(new Object[]{IndexLayout.MIN}, new Object[]{IndexLayout.MAX},
                    key -> emit.visit(key, store.get(key)));
        }
    }

    /**
     * How to read the rows already in sort order: the WHERE's own index read when it yields that
     * order ({@link IndexAccess}), else a whole index whose first columns are the sort columns
     * ({@link OrderedIndex}); null when neither applies and the top-N sort must run.
     */
    private Object ordered(QueryContext qc) {
        TableStore store = qc.store(table);
        if (qc.control().forceScan() || filtered.usesKeyLookup() || OwnWrites.hasWrites(store)) {
            return null;
        }
        IndexAccess own = filtered.indexAccess(store);
        if (own != null) {
            return own.yieldsInOrderOf(sortColumns) ? own : null;
        }
        return index(store);
    }

    /** An index whose first columns are the sort columns, in order, or null. */
    private OrderedIndex index(TableStore store) {
        for (OrderedIndex index : store.indexes()) {
            IndexLayout layout = index.layout();
            if (layout.width() < sortColumns.length) {
                continue;
            }
            boolean leads = true;
            for (int i = 0; i < sortColumns.length && leads; i++) {
                leads = layout.column(i) == sortColumns[i];
            }
            if (leads) {
                return index;
            }
        }
        return null;
    }

    @Override
    String describe(QueryContext qc) {
        Object access = ordered(qc);
        if (access == null) {
            return fallback.describe(qc);
        }
        String read = access instanceof IndexAccess a ? a.describe()
                : "index " + ((OrderedIndex) access).layout().displayName();
        return "table " + table.qualifiedName() + ": " + read + " in order, limit";
    }

    @Override
    List<Operator> inputs(QueryContext qc) {
        return ordered(qc) == null ? fallback.inputs(qc) : List.of();
    }
}
