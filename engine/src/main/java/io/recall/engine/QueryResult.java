package io.recall.engine;

import io.recall.parser.plan.OutputColumn;

import java.util.List;

/** The rows of a query, fully read, with their column descriptions. Rows are never shared with the store. */
public record QueryResult(OutputColumn[] columns, List<Object[]> rows) {
}
