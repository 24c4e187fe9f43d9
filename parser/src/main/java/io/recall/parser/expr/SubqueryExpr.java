package io.recall.parser.expr;

/** An expression that runs a query: its relation may read the current row through {@link OuterRef}s. */
public interface SubqueryExpr extends Expr {
    Subquery query();
}
