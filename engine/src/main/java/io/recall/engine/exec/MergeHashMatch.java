package io.recall.engine.exec;

import io.recall.engine.storage.TableStore;
import io.recall.parser.expr.Comparison;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.Exprs;
import io.recall.parser.expr.OuterRef;
import io.recall.parser.expr.SubqueryExpr;
import io.recall.parser.types.HashKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MERGE's matching when ON has equalities between target columns and source values but no key or index
 * reads the target by them: the source rows are hashed by their side of the equalities, the target is
 * scanned once, and each target row is checked (the whole ON) against the source rows of its hash only —
 * instead of a scan of the target per source row.
 */
final class MergeHashMatch {
    private final Expr on;
    private final Expr[] targetSides;
    private final Expr[] sourceSides;

    private MergeHashMatch(Expr on, Expr[] targetSides, Expr[] sourceSides) {
        this.on = on;
        this.targetSides = targetSides;
        this.sourceSides = sourceSides;
    }

    /** The hash match for this ON, or null when it has no equality that splits into a target and a source side. */
    static MergeHashMatch of(Expr on) {
        List<Expr> target = new ArrayList<>();
        List<Expr> source = new ArrayList<>();
        for (Expr c : Exprs.conjuncts(on)) {
            if (c instanceof Comparison eq && eq.op() == Comparison.Op.EQ
                    && HashKey.compatible(eq.left().type(), eq.right().type())) {
                if (readsTargetOnly(eq.left()) && readsSourceOnly(eq.right())) {
                    target.add(eq.left());
                    source.add(eq.right());
                } else if (readsTargetOnly(eq.right()) && readsSourceOnly(eq.left())) {
                    target.add(eq.right());
                    source.add(eq.left());
                }
            }
        }
        return target.isEmpty() ? null
                : new MergeHashMatch(on, target.toArray(new Expr[0]), source.toArray(new Expr[0]));
    }

    private static boolean readsTargetOnly(Expr e) {
        return !Exprs.columns(e).isEmpty() && !Exprs.any(e, x -> x instanceof OuterRef || x instanceof SubqueryExpr);
    }

    private static boolean readsSourceOnly(Expr e) {
        return Exprs.columns(e).isEmpty() && Exprs.any(e, x -> x instanceof OuterRef)
                && !Exprs.any(e, x -> x instanceof SubqueryExpr);
    }

    /** For each source row, the keys of the target rows it matches. */
    List<List<Object>> matches(List<Object[]> sources, TableStore store, EvalContext ctx, ExecutionControl control) {
        Map<HashKey.Row, List<Integer>> bySource = new HashMap<>();
        List<List<Object>> matches = new ArrayList<>(sources.size());
        Object[] values = new Object[sourceSides.length];
        for (int i = 0; i < sources.size(); i++) {
            matches.add(new ArrayList<>(1));
            ctx.pushOuter(sources.get(i));
            try {
                for (int k = 0; k < values.length; k++) {
                    values[k] = sourceSides[k].eval(null, ctx);
                }
            } finally {
                ctx.popOuter();
            }
            HashKey.Row key = HashKey.ofRow(values);
            if (key != null) {
                bySource.computeIfAbsent(key, x -> new ArrayList<>(1)).add(i);
            }
        }
        if (bySource.isEmpty()) {
            return matches;
        }
        Object[] targetValues = new Object[targetSides.length];
        store.scan(null, (key, row) -> {
            control.tick();
            for (int k = 0; k < targetValues.length; k++) {
                targetValues[k] = targetSides[k].eval(row, ctx);
            }
            HashKey.Row hash = HashKey.ofRow(targetValues);
            List<Integer> candidates = hash == null ? null : bySource.get(hash);
            if (candidates != null) {
                for (int i : candidates) {
                    ctx.pushOuter(sources.get(i));
                    try {
                        if (Expr.isTrue(on, row, ctx)) {
                            matches.get(i).add(key);
                        }
                    } finally {
                        ctx.popOuter();
                    }
                }
            }
            return true;
        });
        return matches;
    }
}
