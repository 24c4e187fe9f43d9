package io.recall.engine.exec;

import io.recall.engine.QueryResult;
import io.recall.engine.storage.TableStore;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.SelectPlan;
import io.recall.parser.types.Cast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Runs a single-table query: access path, then sort (a bounded heap when a LIMIT makes only the
 * first rows matter), DISTINCT, OFFSET and LIMIT, then projection into fresh result rows.
 * Without ORDER BY the scan stops as soon as enough rows are found.
 */
public final class QueryExecutor {
    private static final int TOP_N_MAX = 100_000;

    private final SelectPlan plan;
    private final RowSource source;
    private final RowOrder order;

    public QueryExecutor(SelectPlan plan) {
        this.plan = plan;
        this.source = plan.table() == null ? null : new RowSource(plan.table(), plan.where());
        this.order = plan.orderBy().length == 0 ? null : new RowOrder(plan.orderBy());
    }

    public SelectPlan plan() {
        return plan;
    }

    public QueryResult run(TableStore store, EvalContext ctx, ExecutionControl control, long maxRows) {
        long offset = count(plan.offset(), ctx, "OFFSET");
        long limit = plan.limit() == null ? Long.MAX_VALUE : count(plan.limit(), ctx, "LIMIT");
        if (maxRows > 0) {
            limit = Math.min(limit, maxRows);
        }
        List<Object[]> out = new ArrayList<>();
        if (limit == 0) {
            return new QueryResult(plan.columns(), out);
        }
        if (source == null) {
            Object[] empty = new Object[0];
            if ((plan.where() == null || Expr.isTrue(plan.where(), empty, ctx)) && offset == 0) {
                out.add(project(empty, ctx));
            }
            return new QueryResult(plan.columns(), out);
        }
        if (order == null) {
            collectUnordered(store, ctx, control, offset, limit, out);
        } else {
            collectOrdered(store, ctx, control, offset, limit, out);
        }
        return new QueryResult(plan.columns(), out);
    }

    private void collectUnordered(TableStore store, EvalContext ctx, ExecutionControl control, long offset,
                                  long limit, List<Object[]> out) {
        Set<List<Object>> seen = plan.distinct() ? new HashSet<>() : null;
        long[] skip = {offset};
        source.forEach(store, ctx, control, (key, row) -> {
            Object[] projected = project(row, ctx);
            if (seen != null && !seen.add(DistinctKey.of(projected))) {
                return true;
            }
            if (skip[0] > 0) {
                skip[0]--;
                return true;
            }
            out.add(projected);
            return out.size() < limit;
        });
    }

    private void collectOrdered(TableStore store, EvalContext ctx, ExecutionControl control, long offset,
                                long limit, List<Object[]> out) {
        long wanted = limit == Long.MAX_VALUE ? Long.MAX_VALUE : offset + limit;
        List<Object[]> entries;
        if (!plan.distinct() && wanted <= TOP_N_MAX) {
            PriorityQueue<Object[]> heap = new PriorityQueue<>((int) wanted + 1, order.reversed());
            source.forEach(store, ctx, control, (key, row) -> {
                heap.add(order.entry(row, ctx));
                if (heap.size() > wanted) {
                    heap.poll();
                }
                return true;
            });
            entries = new ArrayList<>(heap);
        } else {
            List<Object[]> all = new ArrayList<>();
            source.forEach(store, ctx, control, (key, row) -> {
                all.add(order.entry(row, ctx));
                return true;
            });
            entries = all;
        }
        entries.sort(order);
        Set<List<Object>> seen = plan.distinct() ? new HashSet<>() : null;
        long skip = offset;
        for (Object[] entry : entries) {
            Object[] projected = project(RowOrder.row(entry), ctx);
            if (seen != null && !seen.add(DistinctKey.of(projected))) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            out.add(projected);
            if (out.size() >= limit) {
                return;
            }
        }
    }

    /** Keys of the rows the WHERE selects, for SELECT ... FOR UPDATE to lock before reading. */
    public List<Object> candidateKeys(TableStore store, EvalContext ctx, ExecutionControl control) {
        return source.keys(store, ctx, control);
    }

    private Object[] project(Object[] row, EvalContext ctx) {
        Expr[] projections = plan.projections();
        Object[] out = new Object[projections.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = projections[i].eval(row, ctx);
        }
        return out;
    }

    static long count(Expr e, EvalContext ctx, String clause) {
        if (e == null) {
            return 0;
        }
        Object v = e.eval(null, ctx);
        if (v == null) {
            return clause.equals("LIMIT") ? Long.MAX_VALUE : 0;
        }
        long n = Cast.toLong(v);
        if (n < 0) {
            throw new RecallException(ErrorCode.INVALID_PARAMETER_VALUE, clause + " must not be negative: " + n);
        }
        return n;
    }

    /** Row equality for DISTINCT: SQL equality of values (1 = 1.0), with NULLs equal to each other. */
    static final class DistinctKey {
        private DistinctKey() {
        }

        static List<Object> of(Object[] row) {
            Object[] key = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                key[i] = PrimaryKey.normalize(numeric(row[i]));
            }
            return Arrays.asList(key);
        }

        private static Object numeric(Object v) {
            if (v instanceof Integer || v instanceof Long) {
                return java.math.BigDecimal.valueOf(((Number) v).longValue());
            }
            if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
                return Cast.toDecimal(v);
            }
            return v;
        }
    }
}
