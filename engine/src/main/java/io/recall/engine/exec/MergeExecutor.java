package io.recall.engine.exec;

import io.recall.engine.storage.TableStore;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.MergeAction;
import io.recall.parser.plan.MergePlan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MERGE, in two steps like UPDATE. First, with every source row read, the keys of the target rows each
 * source row matches by the ON condition (a key lookup or index read per source row when ON pins one, else
 * one scan of the target hashed against the source rows ({@link MergeHashMatch}) or a scan per source row),
 * all before anything is written, so no source row matches a row this statement inserted. Then
 * per source row: each matched row is locked, re-read and ON checked again on the locked version (a row
 * that no longer matches counts as not matched); the first WHEN MATCHED clause whose condition holds
 * updates or deletes it; a source row with no matched row runs the first fitting WHEN NOT MATCHED INSERT.
 * A target row matched by a second source row after it was changed is {@code 21000}, as in PostgreSQL.
 */
public final class MergeExecutor {
    private final MergePlan plan;
    private final RowSource targets;
    private final MergeHashMatch hashMatch;

    public MergeExecutor(MergePlan plan) {
        this.plan = plan;
        this.targets = new RowSource(plan.table(), plan.on());
        this.hashMatch = MergeHashMatch.of(plan.on());
    }

    /**
     * For each source row, the keys of the target rows it matches now (run under the commit gate's shared side):
     * by key or index per source row when ON allows, else by one hashed scan when ON has a usable equality,
     * else by a scan per source row.
     */
    public List<List<Object>> matches(List<Object[]> sources, TableStore store, EvalContext ctx,
                                      ExecutionControl control) {
        if (hashMatch != null && sources.size() > 1 && !targets.usesKeyLookup()
                && targets.indexAccess(store) == null) {
            return hashMatch.matches(sources, store, ctx, control);
        }
        List<List<Object>> matches = new ArrayList<>(sources.size());
        for (Object[] source : sources) {
            ctx.pushOuter(source);
            try {
                matches.add(targets.keys(store, ctx, control));
            } finally {
                ctx.popOuter();
            }
        }
        return matches;
    }

    /** Applies the WHEN clauses; returns the count of rows inserted, updated or deleted. */
    public long apply(List<Object[]> sources, List<List<Object>> matches, RowWriter writer, EvalContext ctx,
                      ExecutionControl control) {
        Set<Object> changed = new HashSet<>();
        long count = 0;
        for (int s = 0; s < sources.size(); s++) {
            control.tick();
            ctx.pushOuter(sources.get(s));
            try {
                boolean matched = false;
                for (Object key : matches.get(s)) {
                    if (changed.contains(key)) {
                        throw new RecallException(ErrorCode.CARDINALITY_VIOLATION, "MERGE command cannot affect row "
                                + "a second time: two source rows match the row of table "
                                + plan.table().qualifiedName() + " with key " + key);
                    }
                    Object[] row = writer.lockAndRead(key);
                    if (row == null || !Expr.isTrue(plan.on(), row, ctx)) {
                        continue;
                    }
                    matched = true;
                    MergeAction action = first(plan.matched(), row, ctx);
                    if (action != null) {
                        changed.add(key);
                        changed.add(whenMatched(action, key, row, writer, ctx));
                        count++;
                    }
                }
                if (!matched) {
                    MergeAction action = first(plan.notMatched(), null, ctx);
                    if (action != null) {
                        insert(action, writer, ctx);
                        count++;
                    }
                }
            } finally {
                ctx.popOuter();
            }
        }
        writer.finishStatement();
        return count;
    }

    private static MergeAction first(List<MergeAction> actions, Object[] row, EvalContext ctx) {
        for (MergeAction a : actions) {
            if (a.condition() == null || Expr.isTrue(a.condition(), row, ctx)) {
                return a;
            }
        }
        return null;
    }

    /** Updates or deletes the matched row; returns its key afterwards. */
    private static Object whenMatched(MergeAction action, Object key, Object[] row, RowWriter writer, EvalContext ctx) {
        if (action.kind() == MergeAction.Kind.DELETE) {
            writer.delete(key, row);
            return key;
        }
        Object[] values = new Object[action.values().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = action.values()[i].eval(row, ctx);
        }
        return writer.update(key, row, writer.assignColumns(row, action.columns(), values));
    }

    private void insert(MergeAction action, RowWriter writer, EvalContext ctx) {
        int width = plan.table().columnCount();
        Object[] row = new Object[width];
        boolean[] given = new boolean[width];
        for (int i = 0; i < action.columns().length; i++) {
            Expr value = action.values()[i];
            if (value != null) {
                row[action.columns()[i]] = value.eval(null, ctx);
                given[action.columns()[i]] = true;
            }
        }
        writer.prepareNewRow(row, given, ctx);
        writer.insert(row);
    }
}
