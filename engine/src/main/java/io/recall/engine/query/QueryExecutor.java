package io.recall.engine.query;

import io.recall.engine.QueryResult;
import io.recall.parser.query.QueryPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a bound query: plans its operators once, then for each execution pushes the rows into
 * the result, stopping at the JDBC max-rows limit. Subqueries run through the same planner.
 */
public final class QueryExecutor {
    private final QueryPlan plan;
    private final Planner planner;
    private final Operator root;

    public QueryExecutor(QueryPlan plan, Subqueries subqueries) {
        this.plan = plan;
        this.planner = subqueries.planner();
        this.root = planner.plan(plan.root());
    }

    public QueryPlan plan() {
        return plan;
    }

    public QueryResult run(QueryContext qc, long maxRows) {
        List<Object[]> rows = new ArrayList<>();
        root.run(qc, row -> {
            rows.add(row);
            return maxRows <= 0 || rows.size() < maxRows;
        });
        return new QueryResult(plan.columns(), rows);
    }

    /** Whether the query gives at most {@code fetchSize} rows whatever the data: streaming it would gain nothing. */
    public boolean fitsInOneBatch(QueryContext qc, long maxRows, int fetchSize) {
        long bound = root.rowBound(qc);
        return Math.min(bound, maxRows > 0 ? maxRows : Long.MAX_VALUE) <= fetchSize;
    }

    /**
     * Opens the query as a cursor read {@code fetchSize} rows at a time, each batch inside {@code scope}; nothing
     * runs until the first fetch. {@code onEnd} runs once every row has been read or the cursor is closed.
     */
    public StreamingCursor stream(QueryContext qc, long maxRows, int fetchSize, ReadScope scope,
                                  java.util.function.Consumer<StreamingCursor> onEnd) {
        return new StreamingCursor(root, qc, maxRows, fetchSize, scope, onEnd);
    }

    /** The plan as text lines, one per operator, indented by depth (EXPLAIN). */
    public List<String> explain(QueryContext qc) {
        List<String> lines = new ArrayList<>();
        explain(root, 0, lines, qc);
        return lines;
    }

    private static void explain(Operator op, int depth, List<String> lines, QueryContext qc) {
        lines.add("  ".repeat(depth) + op.describe(qc));
        for (Operator in : op.inputs(qc)) {
            explain(in, depth + 1, lines, qc);
        }
    }
}
