package io.recall.engine;

import io.recall.engine.query.RowCursor;
import io.recall.parser.plan.OutputColumn;

import java.util.List;

/**
 * The rows of a query with their column descriptions. Rows are never shared with the store. A fully read result
 * has {@code rest} null; a streamed one holds its first batch in {@code rows} and the cursor to the others.
 */
public record QueryResult(OutputColumn[] columns, List<Object[]> rows, RowCursor rest) {
    public QueryResult(OutputColumn[] columns, List<Object[]> rows) {
        this(columns, rows, null);
    }
}
