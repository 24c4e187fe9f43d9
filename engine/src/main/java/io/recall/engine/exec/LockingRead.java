package io.recall.engine.exec;

import io.recall.engine.storage.TableStore;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;
import io.recall.parser.query.RowLocking;

import java.util.List;

/**
 * Locks the rows of a {@code SELECT ... FOR UPDATE}, as PostgreSQL does: each candidate row is locked (waiting
 * up to the lock timeout or {@code WAIT n}, failing at once with {@code NOWAIT}, or left out with
 * {@code SKIP LOCKED}), then read again and kept only if it still satisfies the WHERE. When the query's LIMIT
 * counts rows in read order, locking stops once enough rows are held. The query then reads only the locked
 * rows ({@link LockedRows}). Built once per prepared statement.
 */
public final class LockingRead {
    private final RowLocking locking;
    private final RowSource source;

    public LockingRead(RowLocking locking) {
        this.locking = locking;
        this.source = RowSource.inKeyOrder(locking.table(), locking.where());
    }

    /** The keys of the rows that satisfy the WHERE now, in the order they are to be locked (read under the gate). */
    public List<Object> candidates(TableStore store, EvalContext ctx, ExecutionControl control) {
        return source.keys(store, ctx, control);
    }

    /** Locks the candidates and returns the table of the locked rows, for the query to read. */
    public TableStore lock(List<Object> keys, RowWriter locker, EvalContext ctx, ExecutionControl control,
                           long lockTimeoutMillis) {
        long wanted = wanted(ctx);
        long timeout = switch (locking.waitPolicy()) {
            case LOCK_TIMEOUT -> lockTimeoutMillis;
            case MILLIS -> locking.waitMillis();
            case NO_WAIT, SKIP_LOCKED -> 0;
        };
        LockedRows locked = new LockedRows(locker.store());
        Expr where = locking.where();
        for (Object key : keys) {
            if (locked.count() >= wanted) {
                break;
            }
            control.tick();
            if (!locker.tryLock(key, timeout)) {
                if (locking.waitPolicy() == RowLocking.Wait.SKIP_LOCKED) {
                    continue;
                }
                throw notLocked(key, timeout);
            }
            Object[] row = locker.currentRow(key);
            if (row != null && (where == null || Expr.isTrue(where, row, ctx))) {
                locked.add(key, row);
            }
        }
        return locked;
    }

    private long wanted(EvalContext ctx) {
        if (locking.limit() == null) {
            return Long.MAX_VALUE;
        }
        long limit = RowCounts.limit(locking.limit(), ctx);
        long offset = RowCounts.offset(locking.offset(), ctx);
        long sum = limit + offset;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private RecallException notLocked(Object key, long timeout) {
        String table = locking.table().qualifiedName();
        if (locking.waitPolicy() == RowLocking.Wait.NO_WAIT) {
            return new RecallException(ErrorCode.LOCK_NOT_AVAILABLE,
                    "Could not lock a row of table " + table + " (key " + key + "): another transaction holds it (NOWAIT)");
        }
        return new RecallException(ErrorCode.LOCK_TIMEOUT,
                "Timeout after " + timeout + " ms waiting for a row lock in table " + table + " (key " + key + ")");
    }
}
