package io.recall.engine.query;

import io.recall.parser.query.RowSink;

/**
 * Adds one more input to the partial wide rows of a join pipeline: for each row coming in, the
 * rows with the new input's slots filled (or, for an outer join without a match, the row as it
 * is, those slots left NULL).
 */
abstract class JoinStep {
    /** Starts one run of the pipeline (build sides that read outer rows are rebuilt). */
    void open(QueryContext qc) {
    }

    /** Passes the extensions of {@code row} to {@code next}; false when {@code next} wants no more. */
    abstract boolean extend(QueryContext qc, Object[] row, RowSink next);

    /** After the last row: a FULL join emits the build rows that matched nothing. */
    boolean finish(QueryContext qc, RowSink next) {
        return true;
    }

    abstract String describe(QueryContext qc);

    /** The materialized input shown under the join in EXPLAIN, or null. */
    abstract Operator buildSide(QueryContext qc);
}
