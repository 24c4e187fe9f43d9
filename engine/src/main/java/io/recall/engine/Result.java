package io.recall.engine;

/**
 * The outcome of one execution: either rows (a query) or an update count, plus the generated
 * keys when they were asked for. Statements that return neither (DDL, COMMIT) have count 0.
 */
public record Result(QueryResult rows, long updateCount, QueryResult generatedKeys) {
    public static Result count(long n) {
        return new Result(null, n, null);
    }

    public boolean isQuery() {
        return rows != null;
    }
}
