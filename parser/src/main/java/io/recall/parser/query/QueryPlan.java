package io.recall.parser.query;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.BoundStatement;
import io.recall.parser.plan.OutputColumn;

/**
 * A bound query: the relation computing its rows and the description of its columns. For
 * {@code SELECT ... FOR UPDATE}, {@code lockTable} and {@code lockWhere} name the rows to lock
 * before reading.
 */
public record QueryPlan(Relation root, OutputColumn[] columns, TableDef lockTable, Expr lockWhere)
        implements BoundStatement {
    public boolean forUpdate() {
        return lockTable != null;
    }
}
