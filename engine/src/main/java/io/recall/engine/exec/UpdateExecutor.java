package io.recall.engine.exec;

import io.recall.engine.storage.TableStore;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.UpdatePlan;

import java.util.List;

/**
 * UPDATE: finds the candidate keys first (so a row moved by the update is never visited twice),
 * then locks each row, re-reads it, re-checks the WHERE on the locked version and writes.
 */
public final class UpdateExecutor {
    private final UpdatePlan plan;
    private final RowSource source;

    public UpdateExecutor(UpdatePlan plan) {
        this.plan = plan;
        this.source = new RowSource(plan.table(), plan.where());
    }

    public List<Object> candidates(TableStore store, EvalContext ctx, ExecutionControl control) {
        return source.keys(store, ctx, control);
    }

    /** Updates the rows; each new row is added to {@code written} when it is not null. */
    public long apply(List<Object> keys, RowWriter writer, EvalContext ctx, ExecutionControl control,
                      List<Object[]> written) {
        Expr[] valueExprs = plan.values();
        Object[] values = new Object[valueExprs.length];
        long count = 0;
        for (Object key : keys) {
            control.tick();
            Object[] row = writer.lockAndRead(key);
            if (row == null || plan.where() != null && !Expr.isTrue(plan.where(), row, ctx)) {
                continue;
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = valueExprs[i].eval(row, ctx);
            }
            Object[] updated = writer.assignColumns(row, plan.columns(), values);
            writer.update(key, row, updated);
            if (written != null) {
                written.add(updated);
            }
            count++;
        }
        writer.finishStatement();
        return count;
    }
}
