package io.recall.engine.query;

import io.recall.parser.expr.Expr;
import io.recall.parser.query.AggregateCall;
import io.recall.parser.query.RowSink;
import io.recall.parser.types.HashKey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GROUP BY as a hash aggregate: one entry per group holding the group values and one
 * {@link Accumulator} per call. Without GROUP BY there is one group even over no rows.
 */
final class AggregateOp extends Operator {
    private final Operator input;
    private final Expr[] groups;
    private final AggregateCall[] calls;

    AggregateOp(Operator input, Expr[] groups, AggregateCall[] calls) {
        this.input = input;
        this.groups = groups;
        this.calls = calls;
    }

    private record Group(Object[] values, Accumulator[] accumulators) {
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        Map<HashKey.Row, Group> table = new LinkedHashMap<>();
        input.run(qc, row -> {
            Object[] values = new Object[groups.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = groups[i].eval(row, qc.eval());
            }
            Group g = table.computeIfAbsent(HashKey.ofRowNullsEqual(values), k -> newGroup(values));
            for (int i = 0; i < calls.length; i++) {
                Expr arg = calls[i].argument();
                g.accumulators()[i].add(arg == null ? null : arg.eval(row, qc.eval()));
            }
            qc.control().tick();
            return true;
        });
        if (table.isEmpty() && groups.length == 0) {
            table.put(HashKey.ofRowNullsEqual(new Object[0]), newGroup(new Object[0]));
        }
        for (Group g : table.values()) {
            Object[] out = new Object[groups.length + calls.length];
            System.arraycopy(g.values(), 0, out, 0, groups.length);
            for (int i = 0; i < calls.length; i++) {
                out[groups.length + i] = g.accumulators()[i].result();
            }
            if (!emit(qc, sink, out)) {
                return;
            }
        }
    }

    private Group newGroup(Object[] values) {
        Accumulator[] accumulators = new Accumulator[calls.length];
        for (int i = 0; i < calls.length; i++) {
            accumulators[i] = new Accumulator(calls[i]);
        }
        return new Group(values, accumulators);
    }

    /** One row without GROUP BY, else at most one per input row. */
    @Override
    long rowBound(QueryContext qc) {
        return groups.length == 0 ? 1 : input.rowBound(qc);
    }

    @Override
    String describe(QueryContext qc) {
        return groups.length == 0 ? "aggregate" : "group by: hash, " + groups.length + " keys";
    }

    @Override
    List<Operator> inputs(QueryContext qc) {
        return List.of(input);
    }
}
