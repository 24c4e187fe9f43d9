package io.recall.engine;

/**
 * Per-execution limits from the JDBC statement: maximum rows of a result (0 = no limit), the
 * query timeout in milliseconds (0 = none) and the generated keys wanted.
 */
public record ExecutionOptions(long maxRows, long timeoutMillis, KeyRequest keys) {
    public static final ExecutionOptions DEFAULT = new ExecutionOptions(0, 0, KeyRequest.NONE);
}
