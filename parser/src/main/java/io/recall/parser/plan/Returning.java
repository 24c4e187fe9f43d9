package io.recall.parser.plan;

import io.recall.parser.expr.Expr;

/**
 * A RETURNING clause: {@code values[i]}, evaluated over a written row (the new row of an INSERT or
 * UPDATE, the old row of a DELETE), is result column {@code columns[i]}.
 */
public record Returning(OutputColumn[] columns, Expr[] values) {
}
