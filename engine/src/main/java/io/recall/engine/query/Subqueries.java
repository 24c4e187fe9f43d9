package io.recall.engine.query;

import io.recall.parser.expr.EvalContext;
import io.recall.parser.query.QueryRunner;
import io.recall.parser.query.Relation;
import io.recall.parser.query.RowSink;

/**
 * Runs the subqueries of one prepared statement (of any kind: a query, an UPDATE's SET, a
 * DELETE's WHERE): their relations are planned on first use and the plans kept.
 */
public final class Subqueries {
    private final Planner planner;

    /** {@code sizes} gives the table sizes joins are ordered by. */
    public Subqueries(TableSizes sizes) {
        this.planner = new Planner(sizes);
    }

    /** True when the tables the joins were ordered by changed size enough to plan again. */
    public boolean sizesDrifted() {
        return planner.sizes().drifted();
    }

    Planner planner() {
        return planner;
    }

    /** Makes subquery expressions evaluated under {@code qc} run through this statement's plans. */
    public void attach(QueryContext qc) {
        qc.eval().setRunner(new QueryRunner() {
            @Override
            public void run(Relation relation, EvalContext eval, RowSink sink) {
                planner.plan(relation).run(qc, sink);
            }
        });
    }

    /** Reads all rows of a relation (the query of INSERT ... SELECT). */
    public java.util.List<Object[]> readAll(Relation relation, QueryContext qc) {
        java.util.List<Object[]> rows = new java.util.ArrayList<>();
        planner.plan(relation).run(qc, rows::add);
        return rows;
    }
}
