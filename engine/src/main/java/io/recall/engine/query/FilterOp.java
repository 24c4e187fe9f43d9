package io.recall.engine.query;

import io.recall.parser.expr.Expr;
import io.recall.parser.query.RowSink;

import java.util.List;

/** Passes on the rows for which the condition is TRUE. */
final class FilterOp extends Operator {
    private final Operator input;
    private final Expr condition;

    FilterOp(Operator input, Expr condition) {
        this.input = input;
        this.condition = condition;
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        input.run(qc, row -> !Expr.isTrue(condition, row, qc.eval()) || sink.accept(row));
    }

    @Override
    long rowBound(QueryContext qc) {
        return input.rowBound(qc);
    }

    @Override
    String describe(QueryContext qc) {
        return "filter";
    }

    @Override
    List<Operator> inputs(QueryContext qc) {
        return List.of(input);
    }
}
