package io.recall.engine.exec;

import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.InsertPlan;

import java.util.List;

/** INSERT ... VALUES: builds each row in column order, then writes it through {@link RowWriter}. */
public final class InsertExecutor {
    private final InsertPlan plan;

    public InsertExecutor(InsertPlan plan) {
        this.plan = plan;
    }

    /** Inserts every row; the stored rows are added to {@code inserted} when it is not null. */
    public long run(RowWriter writer, EvalContext ctx, ExecutionControl control, List<Object[]> inserted) {
        int width = plan.table().columnCount();
        int[] columns = plan.columns();
        long count = 0;
        for (Expr[] values : plan.rows()) {
            control.tick();
            Object[] row = new Object[width];
            boolean[] given = new boolean[width];
            for (int i = 0; i < columns.length; i++) {
                if (values[i] != null) {
                    row[columns[i]] = values[i].eval(null, ctx);
                    given[columns[i]] = true;
                }
            }
            writer.prepareNewRow(row, given, ctx);
            writer.insert(row);
            if (inserted != null) {
                inserted.add(row);
            }
            count++;
        }
        return count;
    }
}
