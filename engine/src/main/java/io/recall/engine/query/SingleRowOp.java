package io.recall.engine.query;

import io.recall.parser.query.RowSink;

/** The one empty row a SELECT without FROM reads. */
final class SingleRowOp extends Operator {
    private static final Object[] EMPTY = new Object[0];

    @Override
    void run(QueryContext qc, RowSink sink) {
        sink.accept(EMPTY);
    }

    @Override
    long rowBound(QueryContext qc) {
        return 1;
    }

    @Override
    String describe(QueryContext qc) {
        return "single row";
    }
}
