package io.recall.engine.query;

import io.recall.engine.exec.OwnWrites;
import io.recall.engine.exec.RowCounts;
import io.recall.engine.exec.RowSource;
import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;
import io.recall.parser.query.RowSink;

import java.util.List;

/**
 * ORDER BY table columns with a LIMIT, read in the order of an index whose leading columns are
 * the sort keys: rows come out already sorted, so the read stops after OFFSET + LIMIT matching
 * rows instead of sorting the table. Without such an index when the query runs, when the WHERE
 * can be read by key or through an index itself, or when the transaction has written rows of the
 * table (the index holds committed rows only), the planned top-N sort runs instead.
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
        OrderedIndex index = index(qc);
        if (index == null || !OwnWrites.writtenKeys(store).isEmpty()) {
            fallback.run(qc, sink);
            return;
        }
        long max = RowCounts.limit(limit, qc.eval());
        long[] skip = {RowCounts.offset(offset, qc.eval())};
        long[] passed = {0};
        if (max == 0) {
            return;
        }
        index.keys(new Object[]{IndexLayout.MIN}, new Object[]{IndexLayout.MAX}, key -> {
            Object[] row = store.get(key);
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
        });
    }

    /** An index whose first columns are the sort columns, in order, or null. */
    private OrderedIndex index(QueryContext qc) {
        TableStore store = qc.store(table);
        if (qc.control().forceScan() || filtered.usesKeyLookup() || filtered.indexAccess(store) != null) {
            return null; // the WHERE's own key or index read finds fewer rows than reading in order
        }
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
        OrderedIndex index = index(qc);
        return index == null ? fallback.describe(qc)
                : "table " + table.qualifiedName() + ": index " + index.layout().displayName() + " in order, limit";
    }

    @Override
    List<Operator> inputs(QueryContext qc) {
        return index(qc) == null ? fallback.inputs(qc) : List.of();
    }
}
