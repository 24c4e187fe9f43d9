package io.recall.engine.query;

import io.recall.parser.expr.Expr;
import io.recall.parser.query.RowSink;

import java.util.List;

/**
 * One input of a join as wide rows: each row of the input copied to its slot of an otherwise
 * empty wide row, then filtered by the conditions that read only this input.
 */
final class WideRows extends Operator {
    private final Operator input;
    private final int offset;
    private final int width;
    private final Expr filter;

    WideRows(Operator input, int offset, int width, Expr filter) {
        this.input = input;
        this.offset = offset;
        this.width = width;
        this.filter = filter;
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        input.run(qc, row -> {
            Object[] wide = new Object[width];
            System.arraycopy(row, 0, wide, offset, row.length);
            return filter != null && !Expr.isTrue(filter, wide, qc.eval()) || sink.accept(wide);
        });
    }

    @Override
    String describe(QueryContext qc) {
        return filter == null ? "join input" : "join input, filter";
    }

    @Override
    List<Operator> inputs(QueryContext qc) {
        return List.of(input);
    }
}
