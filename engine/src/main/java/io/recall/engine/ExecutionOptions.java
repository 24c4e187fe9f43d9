package io.recall.engine;

/**
 * Per-execution limits from the JDBC statement: maximum rows of a result (0 = no limit), the
 * query timeout in milliseconds (0 = none), the generated keys wanted, and the fetch size (0 = read
 * the whole result at once; more makes a query stream, that many rows at a time).
 */
public record ExecutionOptions(long maxRows, long timeoutMillis, KeyRequest keys, int fetchSize) {
    public static final ExecutionOptions DEFAULT = new ExecutionOptions(0, 0, KeyRequest.NONE, 0);

    public ExecutionOptions(long maxRows, long timeoutMillis, KeyRequest keys) {
        this(maxRows, timeoutMillis, keys, 0);
    }
}
