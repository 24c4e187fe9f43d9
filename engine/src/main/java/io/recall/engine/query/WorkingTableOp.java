package io.recall.engine.query;

import io.recall.parser.query.RowSink;

/** Inside a recursive CTE: the rows the previous round added. */
final class WorkingTableOp extends Operator {
    private final int id;

    WorkingTableOp(int id) {
        this.id = id;
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        for (Object[] row : qc.workingTable(id)) {
            if (!sink.accept(row)) {
                return;
            }
        }
    }

    @Override
    String describe(QueryContext qc) {
        return "recursive CTE rows of the previous round";
    }
}
