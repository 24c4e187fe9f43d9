package io.recall.engine.exec;

import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.InsertPlan;

import io.recall.parser.query.Relation;

import java.util.List;
import java.util.function.Function;

/** INSERT: builds each row in column order, then writes it through {@link RowWriter}. */
public final class InsertExecutor {
    private final InsertPlan plan;

    public InsertExecutor(InsertPlan plan) {
        this.plan = plan;
    }

    /**
     * Inserts every row; the stored rows are added to {@code inserted} when it is not null. A
     * query's rows are all read before the first is written, so it never sees its own inserts.
     */
    public long run(RowWriter writer, EvalContext ctx, ExecutionControl control, List<Object[]> inserted,
                    Function<Relation, List<Object[]>> query) {
        if (plan.source() != null) {
            return insertRows(query.apply(plan.source()), writer, ctx, control, inserted);
        }
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
        writer.finishStatement();
        return count;
    }

    private long insertRows(List<Object[]> rows, RowWriter writer, EvalContext ctx, ExecutionControl control,
                            List<Object[]> inserted) {
        int width = plan.table().columnCount();
        int[] columns = plan.columns();
        for (Object[] values : rows) {
            control.tick();
            Object[] row = new Object[width];
            boolean[] given = new boolean[width];
            for (int i = 0; i < columns.length; i++) {
                row[columns[i]] = values[i];
                given[columns[i]] = true;
            }
            writer.prepareNewRow(row, given, ctx);
            writer.insert(row);
            if (inserted != null) {
                inserted.add(row);
            }
        }
        writer.finishStatement();
        return rows.size();
    }
}
