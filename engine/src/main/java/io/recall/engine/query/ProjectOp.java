package io.recall.engine.query;

import io.recall.parser.expr.Expr;
import io.recall.parser.query.RowSink;

import java.util.List;

/** Computes the output expressions of each row into a fresh array (never a store row). */
final class ProjectOp extends Operator {
    private final Operator input;
    private final Expr[] exprs;

    ProjectOp(Operator input, Expr[] exprs) {
        this.input = input;
        this.exprs = exprs;
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        input.run(qc, row -> {
            Object[] out = new Object[exprs.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = exprs[i].eval(row, qc.eval());
            }
            return sink.accept(out);
        });
    }

    @Override
    long rowBound(QueryContext qc) {
        return input.rowBound(qc);
    }

    @Override
    String describe(QueryContext qc) {
        return "project: " + exprs.length + " columns";
    }

    @Override
    List<Operator> inputs(QueryContext qc) {
        return List.of(input);
    }
}
