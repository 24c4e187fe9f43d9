package io.recall.engine.query;

import io.recall.engine.exec.RowCounts;
import io.recall.parser.expr.Expr;
import io.recall.parser.query.RowSink;

import java.util.List;

/** Skips OFFSET rows, passes on LIMIT rows, then stops its input. */
final class LimitOp extends Operator {
    private final Operator input;
    private final Expr limit;
    private final Expr offset;

    LimitOp(Operator input, Expr limit, Expr offset) {
        this.input = input;
        this.limit = limit;
        this.offset = offset;
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        long max = RowCounts.limit(limit, qc.eval());
        long[] skip = {RowCounts.offset(offset, qc.eval())};
        long[] passed = {0};
        if (max == 0) {
            return;
        }
        input.run(qc, row -> {
            if (skip[0] > 0) {
                skip[0]--;
                return true;
            }
            passed[0]++;
            return sink.accept(row) && passed[0] < max;
        });
    }

    @Override
    long rowBound(QueryContext qc) {
        return Math.min(RowCounts.limit(limit, qc.eval()), input.rowBound(qc));
    }

    @Override
    String describe(QueryContext qc) {
        return "limit";
    }

    @Override
    List<Operator> inputs(QueryContext qc) {
        return List.of(input);
    }
}
