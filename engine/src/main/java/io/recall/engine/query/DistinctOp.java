package io.recall.engine.query;

import io.recall.parser.query.RowSink;
import io.recall.parser.types.HashKey;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Passes on each distinct row once, as soon as it is first seen. */
final class DistinctOp extends Operator {
    private final Operator input;

    DistinctOp(Operator input) {
        this.input = input;
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        Set<HashKey.Row> seen = new HashSet<>();
        input.run(qc, row -> !seen.add(HashKey.ofRowNullsEqual(row)) || sink.accept(row));
    }

    @Override
    long rowBound(QueryContext qc) {
        return input.rowBound(qc);
    }

    @Override
    String describe(QueryContext qc) {
        return "distinct: hash";
    }

    @Override
    List<Operator> inputs(QueryContext qc) {
        return List.of(input);
    }
}
