package io.recall.engine.exec;

import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.InsertPlan;
import io.recall.parser.query.Relation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * INSERT: builds each row in column order, then writes it through {@link RowWriter}, or through
 * {@link UpsertExecutor} when the INSERT handles conflicts.
 */
public final class InsertExecutor {
    private final InsertPlan plan;
    private final UpsertExecutor upsert;

    public InsertExecutor(InsertPlan plan) {
        this.plan = plan;
        this.upsert = plan.onConflict() == null ? null : new UpsertExecutor(plan.onConflict());
    }

    /**
     * Inserts every row and returns the count of rows inserted or updated; the stored rows (inserted or,
     * for an upsert, updated) are added to {@code written} when it is not null. A query's rows are all read
     * before the first is written, so it never sees its own inserts.
     */
    public long run(RowWriter writer, EvalContext ctx, ExecutionControl control, List<Object[]> written,
                    Function<Relation, List<Object[]>> query) {
        int width = plan.table().columnCount();
        int[] columns = plan.columns();
        Set<Object> affected = upsert == null ? null : new HashSet<>();
        long count = 0;
        if (plan.source() != null) {
            for (Object[] values : query.apply(plan.source())) {
                control.tick();
                Object[] row = new Object[width];
                boolean[] given = new boolean[width];
                for (int i = 0; i < columns.length; i++) {
                    row[columns[i]] = values[i];
                    given[columns[i]] = true;
                }
                count += write(row, given, writer, ctx, affected, written);
            }
        } else {
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
                count += write(row, given, writer, ctx, affected, written);
            }
        }
        writer.finishStatement();
        return count;
    }

    private long write(Object[] row, boolean[] given, RowWriter writer, EvalContext ctx, Set<Object> affected,
                       List<Object[]> written) {
        writer.prepareNewRow(row, given, ctx);
        if (upsert != null) {
            return upsert.write(row, writer, ctx, affected, written);
        }
        writer.insert(row);
        if (written != null) {
            written.add(row);
        }
        return 1;
    }
}
