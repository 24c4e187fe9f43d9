package io.recall.parser.query;

import io.recall.parser.expr.EvalContext;

/** What subquery expressions call to run their relation; the engine implements it per execution. */
public interface QueryRunner {
    void run(Relation relation, EvalContext ctx, RowSink sink);
}
