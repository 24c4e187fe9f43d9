package io.recall.engine.query;

import io.recall.engine.exec.RowCounts;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.SortKey;
import io.recall.parser.query.RowSink;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * ORDER BY, stable. With a LIMIT above it, only OFFSET + LIMIT rows are kept in a bounded heap
 * (top-N) instead of sorting everything; the limit is then applied here too.
 */
final class SortOp extends Operator {
    private static final long TOP_N_MAX = 100_000;

    private final Operator input;
    private final SortKeys order;
    private final Expr limit;
    private final Expr offset;
    private final boolean limited;

    SortOp(Operator input, SortKey[] keys, boolean limited, Expr limit, Expr offset) {
        this.input = input;
        this.order = new SortKeys(keys);
        this.limited = limited;
        this.limit = limit;
        this.offset = offset;
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        long skip = limited ? RowCounts.offset(offset, qc.eval()) : 0;
        long max = limited ? RowCounts.limit(limit, qc.eval()) : Long.MAX_VALUE;
        if (max == 0) {
            return;
        }
        long wanted = max == Long.MAX_VALUE ? Long.MAX_VALUE : skip + max;
        List<Object[]> entries;
        long[] sequence = {0};
        if (wanted <= TOP_N_MAX) {
            // ties keep input order: the sequence number is the last key
            PriorityQueue<Object[]> heap = new PriorityQueue<>((int) wanted + 1, (a, b) -> {
                int c = order.compare((Object[]) b[0], (Object[]) a[0]);
                return c != 0 ? c : Long.compare((long) b[1], (long) a[1]);
            });
            input.run(qc, row -> {
                heap.add(new Object[]{order.entry(row, qc.eval()), sequence[0]++});
                if (heap.size() > wanted) {
                    heap.poll();
                }
                return true;
            });
            entries = new ArrayList<>(heap.size());
            for (Object[] e : heap) {
                entries.add(e);
            }
            entries.sort((a, b) -> {
                int c = order.compare((Object[]) a[0], (Object[]) b[0]);
                return c != 0 ? c : Long.compare((long) a[1], (long) b[1]);
            });
            for (int i = 0; i < entries.size(); i++) {
                entries.set(i, (Object[]) entries.get(i)[0]);
            }
        } else {
            List<Object[]> all = new ArrayList<>();
            input.run(qc, row -> all.add(order.entry(row, qc.eval())));
            all.sort(order);
            entries = all;
        }
        long passed = 0;
        for (Object[] entry : entries) {
            if (skip > 0) {
                skip--;
                continue;
            }
            if (!emit(qc, sink, SortKeys.row(entry)) || ++passed >= max) {
                return;
            }
        }
    }

    @Override
    long rowBound(QueryContext qc) {
        long max = limited ? RowCounts.limit(limit, qc.eval()) : Long.MAX_VALUE;
        return Math.min(max, input.rowBound(qc));
    }

    @Override
    String describe(QueryContext qc) {
        return limited ? "sort: top-N" : "sort";
    }

    @Override
    List<Operator> inputs(QueryContext qc) {
        return List.of(input);
    }
}
