package io.recall.parser.query;

import io.recall.parser.plan.BoundStatement;
import io.recall.parser.plan.OutputColumn;

/**
 * A bound query: the relation computing its rows and the description of its columns. For
 * {@code SELECT ... FOR UPDATE}, {@code locking} names the rows to lock and how.
 */
public record QueryPlan(Relation root, OutputColumn[] columns, RowLocking locking) implements BoundStatement {
    public QueryPlan(Relation root, OutputColumn[] columns) {
        this(root, columns, null);
    }

    public boolean forUpdate() {
        return locking != null;
    }
}
