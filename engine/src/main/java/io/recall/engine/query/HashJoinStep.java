package io.recall.engine.query;

import io.recall.parser.expr.Expr;
import io.recall.parser.query.JoinNode;
import io.recall.parser.query.RowSink;
import io.recall.parser.types.HashKey;

import java.util.List;

/**
 * Hash join (with equality keys) or nested-loop join (without): the inner input is
 * materialized once ({@link BuildSide}), each outer row probes it, and the remaining conditions
 * are checked on the merged row. LEFT and FULL joins keep outer rows without a match; FULL also
 * emits inner rows that matched nothing, at the end.
 */
final class HashJoinStep extends JoinStep {
    private final BuildSide build;
    private final Expr[] probeKeys;
    private final Expr residual;
    private final JoinNode.JoinType outer;
    private final int[][] slots;

    /** @param outer null for an inner join; {@code slots} are the {from, length} ranges the inner input fills */
    HashJoinStep(BuildSide build, Expr[] probeKeys, Expr residual, JoinNode.JoinType outer, int[][] slots) {
        this.build = build;
        this.probeKeys = probeKeys;
        this.residual = residual;
        this.outer = outer;
        this.slots = slots;
    }

    @Override
    void open(QueryContext qc) {
        build.open(qc);
    }

    @Override
    boolean extend(QueryContext qc, Object[] row, RowSink next) {
        BuildSide.Rows rows = build.rows(qc, outer == JoinNode.JoinType.FULL);
        boolean matched = false;
        if (rows.byKey != null) {
            HashKey.Row key = BuildSide.key(probeKeys, row, qc);
            List<Integer> candidates = key == null ? null : rows.byKey.get(key);
            if (candidates != null) {
                for (int index : candidates) {
                    int r = tryMatch(qc, row, rows, index, next);
                    if (r < 0) {
                        return false;
                    }
                    matched |= r > 0;
                }
            }
        } else {
            for (int index = 0; index < rows.all.size(); index++) {
                int r = tryMatch(qc, row, rows, index, next);
                if (r < 0) {
                    return false;
                }
                matched |= r > 0;
            }
        }
        return matched || outer == null || next.accept(row);
    }

    /** 1 if the pair matched and was passed on, 0 if it did not match, -1 if {@code next} wants no more. */
    private int tryMatch(QueryContext qc, Object[] row, BuildSide.Rows rows, int index, RowSink next) {
        Object[] merged = merge(row, rows.all.get(index), slots);
        qc.control().tick();
        if (residual != null && !Expr.isTrue(residual, merged, qc.eval())) {
            return 0;
        }
        if (rows.matched != null) {
            rows.matched[index] = true;
        }
        return next.accept(merged) ? 1 : -1;
    }

    static Object[] merge(Object[] outerRow, Object[] innerRow, int[][] slots) {
        Object[] merged = outerRow.clone();
        for (int[] s : slots) {
            System.arraycopy(innerRow, s[0], merged, s[0], s[1]);
        }
        return merged;
    }

    @Override
    boolean finish(QueryContext qc, RowSink next) {
        if (outer != JoinNode.JoinType.FULL) {
            return true;
        }
        BuildSide.Rows rows = build.rows(qc, false);
        for (int i = 0; i < rows.all.size(); i++) {
            if (rows.matched == null || !rows.matched[i]) {
                if (!next.accept(rows.all.get(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    String describe(QueryContext qc) {
        String kind = outer == null ? "inner" : outer.name().toLowerCase();
        return (probeKeys.length > 0 ? "hash join" : "nested loop join") + " (" + kind + ")";
    }

    @Override
    Operator buildSide(QueryContext qc) {
        return build.input();
    }
}
