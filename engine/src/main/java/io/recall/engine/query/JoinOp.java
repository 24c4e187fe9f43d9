package io.recall.engine.query;

import io.recall.parser.expr.Expr;
import io.recall.parser.query.RowSink;

import java.util.ArrayList;
import java.util.List;

/**
 * A left-deep join pipeline: the rows of the first input flow through one {@link JoinStep} per
 * further input, each adding that input's values to the wide row, then through the conditions
 * that could only be checked once every input is there.
 */
final class JoinOp extends Operator {
    private final Operator first;
    private final List<JoinStep> steps;
    private final Expr residual;

    JoinOp(Operator first, List<JoinStep> steps, Expr residual) {
        this.first = first;
        this.steps = steps;
        this.residual = residual;
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        for (JoinStep step : steps) {
            step.open(qc);
        }
        boolean[] stopped = new boolean[1];
        RowSink last = row -> {
            if (residual != null && !Expr.isTrue(residual, row, qc.eval())) {
                return true;
            }
            if (!sink.accept(row)) {
                stopped[0] = true;
                return false;
            }
            return true;
        };
        RowSink[] after = new RowSink[steps.size() + 1];
        after[steps.size()] = last;
        for (int i = steps.size() - 1; i >= 0; i--) {
            JoinStep step = steps.get(i);
            RowSink next = after[i + 1];
            after[i] = row -> step.extend(qc, row, next);
        }
        first.run(qc, after[0]);
        for (int i = 0; i < steps.size() && !stopped[0]; i++) {
            if (!steps.get(i).finish(qc, after[i + 1])) {
                return;
            }
        }
    }

    @Override
    String describe(QueryContext qc) {
        StringBuilder sb = new StringBuilder("join pipeline:");
        for (JoinStep s : steps) {
            sb.append(' ').append(s.describe(qc)).append(';');
        }
        return sb.toString();
    }

    @Override
    List<Operator> inputs(QueryContext qc) {
        List<Operator> all = new ArrayList<>();
        all.add(first);
        for (JoinStep s : steps) {
            if (s.buildSide(qc) != null) {
                all.add(s.buildSide(qc));
            }
        }
        return all;
    }
}
