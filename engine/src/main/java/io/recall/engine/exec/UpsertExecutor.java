package io.recall.engine.exec;

import io.recall.engine.storage.IndexLayout;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.OnConflict;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One row of {@code INSERT ... ON CONFLICT} or {@code ON DUPLICATE KEY UPDATE}: the row's primary key and
 * arbiter unique values are locked first ({@link RowWriter#lockConflict}), so the answer "conflict or not"
 * holds until the row is written; then the row is inserted, skipped (DO NOTHING, or a DO UPDATE whose
 * WHERE is not true), or the existing row is locked and updated. No lock of Recall's own: the store's row
 * and unique-entry locks serialize two sessions upserting one key, and the second sees the first's row.
 */
final class UpsertExecutor {
    private final OnConflict plan;
    private final boolean primaryKeyArbiter;
    private final Predicate<IndexLayout> uniqueArbiter;

    UpsertExecutor(OnConflict plan) {
        this.plan = plan;
        this.primaryKeyArbiter = plan.anyConstraint() || plan.primaryKey();
        Set<String> arbiters = Set.copyOf(plan.uniqueIndexes());
        this.uniqueArbiter = plan.anyConstraint() ? layout -> true : layout -> arbiters.contains(layout.name());
    }

    /**
     * Writes one prepared row; returns 1 when it was inserted or updated an existing row, 0 when skipped.
     * {@code affected} holds the keys of the rows this statement inserted or updated; the written row is
     * added to {@code written} when that is not null.
     */
    long write(Object[] row, RowWriter writer, EvalContext ctx, Set<Object> affected, List<Object[]> written) {
        RowWriter.Conflict conflict = writer.lockConflict(row, primaryKeyArbiter, uniqueArbiter);
        if (conflict == null) {
            affected.add(writer.insert(row));
            return added(row, written);
        }
        if (plan.action() == OnConflict.Action.NOTHING) {
            return 0;
        }
        if (affected.contains(conflict.key())) {
            throw new RecallException(ErrorCode.CARDINALITY_VIOLATION, "ON CONFLICT DO UPDATE command cannot affect "
                    + "row a second time: two proposed rows of the statement conflict on the same row of table "
                    + writer.table().qualifiedName() + " (key " + conflict.key() + ")");
        }
        Object[] existing = conflict.row();
        Object[] values = new Object[plan.values().length];
        ctx.pushOuter(row);
        try {
            if (plan.where() != null && !Expr.isTrue(plan.where(), existing, ctx)) {
                return 0;
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = plan.values()[i].eval(existing, ctx);
            }
        } finally {
            ctx.popOuter();
        }
        Object[] updated = writer.assignColumns(existing, plan.columns(), values);
        affected.add(writer.update(conflict.key(), existing, updated));
        return added(updated, written);
    }

    private static long added(Object[] row, List<Object[]> written) {
        if (written != null) {
            written.add(row);
        }
        return 1;
    }
}
