package io.recall.engine.query;

import io.recall.parser.expr.Expr;
import io.recall.parser.query.RowSink;

/** A VALUES list, each row evaluated when it is produced. */
final class ValuesOp extends Operator {
    private final Expr[][] rows;

    ValuesOp(Expr[][] rows) {
        this.rows = rows;
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        for (Expr[] exprs : rows) {
            Object[] row = new Object[exprs.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = exprs[i].eval(null, qc.eval());
            }
            if (!emit(qc, sink, row)) {
                return;
            }
        }
    }

    @Override
    long rowBound(QueryContext qc) {
        return rows.length;
    }

    @Override
    String describe(QueryContext qc) {
        return "values: " + rows.length + " rows";
    }
}
