package io.recall.engine.exec;

import io.recall.engine.storage.TableStore;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.DeletePlan;

import java.util.List;

/** DELETE: candidate keys first, then lock, re-read, re-check the WHERE, remove. */
public final class DeleteExecutor {
    private final DeletePlan plan;
    private final RowSource source;

    public DeleteExecutor(DeletePlan plan) {
        this.plan = plan;
        this.source = new RowSource(plan.table(), plan.where());
    }

    public List<Object> candidates(TableStore store, EvalContext ctx, ExecutionControl control) {
        return source.keys(store, ctx, control);
    }

    /** Deletes the rows; each deleted row is added to {@code written} when it is not null. */
    public long apply(List<Object> keys, RowWriter writer, EvalContext ctx, ExecutionControl control,
                      List<Object[]> written) {
        long count = 0;
        for (Object key : keys) {
            control.tick();
            Object[] row = writer.lockAndRead(key);
            if (row == null || plan.where() != null && !Expr.isTrue(plan.where(), row, ctx)) {
                continue;
            }
            writer.delete(key, row);
            if (written != null) {
                written.add(row);
            }
            count++;
        }
        writer.finishStatement();
        return count;
    }
}
