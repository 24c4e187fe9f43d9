package io.recall.parser.query;

import io.recall.parser.expr.Expr;

/** A {@code VALUES (...), (...)} list: each row's expressions are evaluated when it is read. */
public record ValuesRows(Expr[][] rows, int width) implements Relation {
}
