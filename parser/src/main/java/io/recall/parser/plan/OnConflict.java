package io.recall.parser.plan;

import io.recall.parser.expr.Expr;

import java.util.List;

/**
 * What an INSERT does when a row would break a unique constraint: {@code INSERT ... ON CONFLICT} or
 * MySQL's {@code ON DUPLICATE KEY UPDATE}.
 *
 * <p>The arbiters are the constraints whose conflicts are handled: the primary key when
 * {@code primaryKey}, and the unique indexes whose storage names are {@code uniqueIndexes}; with
 * {@code anyConstraint} (no conflict target) every unique constraint the table has when the statement
 * runs. A conflict on any other constraint is a unique violation as usual.
 *
 * <p>For {@link Action#UPDATE} the conflicting row gets {@code values[i]} in column {@code columns[i]}
 * when {@code where} (null: always) holds. Both are evaluated over the existing row, with the proposed
 * row (PostgreSQL's {@code EXCLUDED}, MySQL's {@code VALUES(col)}) as the outer row of depth 1.
 */
public record OnConflict(boolean anyConstraint, boolean primaryKey, List<String> uniqueIndexes, Action action,
                         int[] columns, Expr[] values, Expr where) {
    public enum Action { NOTHING, UPDATE }

    public OnConflict {
        uniqueIndexes = List.copyOf(uniqueIndexes);
    }
}
