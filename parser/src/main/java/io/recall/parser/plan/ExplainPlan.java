package io.recall.parser.plan;

import io.recall.parser.query.QueryPlan;
import io.recall.parser.types.ColumnType;

/** EXPLAIN of a query: returns the chosen plan as rows instead of running it. */
public record ExplainPlan(QueryPlan query) implements BoundStatement {
    public static final OutputColumn[] COLUMNS = {
            new OutputColumn("PLAN", "PLAN", "", "", ColumnType.VARCHAR, false)};
}
