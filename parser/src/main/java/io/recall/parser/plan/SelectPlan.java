package io.recall.parser.plan;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;

/**
 * A query over at most one table: filter, project, sort, DISTINCT, offset and limit. All
 * expressions, sort keys included, read the table's stored row, so sorting needs no second
 * projection. {@code table} is null for {@code SELECT} without FROM.
 */
public record SelectPlan(TableDef table, Expr where, Expr[] projections, OutputColumn[] columns,
                         SortKey[] orderBy, boolean distinct, Expr limit, Expr offset, boolean forUpdate)
        implements BoundStatement {
}
