package io.recall.parser.query;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;

/**
 * What {@code SELECT ... FOR UPDATE | FOR SHARE} locks: the rows of {@code table} that satisfy {@code where}, each
 * locked before it is returned and checked again once locked. {@code limit} and {@code offset} (null when absent)
 * bound how many rows are locked when the query's LIMIT applies in the order rows are read (no ORDER BY or
 * grouping below it). FOR SHARE takes the same exclusive lock as FOR UPDATE.
 */
public record RowLocking(TableDef table, Expr where, Wait waitPolicy, long waitMillis, Expr limit, Expr offset) {
    /** How a lock held by another transaction is met. */
    public enum Wait {
        /** Wait up to the session's lock timeout ({@code 40001} after it). */
        LOCK_TIMEOUT,
        /** {@code WAIT n}: wait up to {@code waitMillis}. */
        MILLIS,
        /** {@code NOWAIT}: fail at once with {@code 55P03}. */
        NO_WAIT,
        /** {@code SKIP LOCKED}: leave the row out. */
        SKIP_LOCKED
    }
}
