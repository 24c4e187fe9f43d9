package io.recall.parser.plan;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;
import io.recall.parser.query.Relation;

import java.util.List;

/**
 * {@code MERGE INTO table USING source ON on WHEN ...}. Every expression sees the current source row
 * as the outer row of depth 1; {@code on} and the {@code matched} actions read the target row as
 * their row, the {@code notMatched} actions have no row. For each source row the first action of the
 * fitting list whose condition holds runs.
 */
public record MergePlan(TableDef table, Relation source, Expr on, List<MergeAction> matched,
                        List<MergeAction> notMatched) implements BoundStatement {
    public MergePlan {
        matched = List.copyOf(matched);
        notMatched = List.copyOf(notMatched);
    }

    @Override
    public boolean writesData() {
        return true;
    }
}
