package io.recall.parser.expr;

import io.recall.parser.query.Relation;
import io.recall.parser.query.RowSink;

/**
 * A query inside an expression. A correlated one runs again for every row of the enclosing
 * query, with that row visible to its {@link OuterRef}s; an uncorrelated one runs once per
 * execution and its result is kept.
 */
public record Subquery(Relation relation, boolean correlated) {
    /** Runs the query with {@code row} as the enclosing query's current row. */
    public void run(Object[] row, EvalContext ctx, RowSink sink) {
        ctx.pushOuter(row);
        try {
            ctx.runner().run(relation, ctx, sink);
        } finally {
            ctx.popOuter();
        }
    }
}
