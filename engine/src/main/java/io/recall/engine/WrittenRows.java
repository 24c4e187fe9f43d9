package io.recall.engine;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.Returning;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of INSERT, UPDATE or DELETE built from the rows it wrote (new rows; the old ones for DELETE):
 * its RETURNING rows, and what getGeneratedKeys hands back. With RETURNING, those are the RETURNING rows
 * (as the PostgreSQL driver does it); without, the columns {@link GeneratedKeys} picks.
 */
final class WrittenRows {
    private WrittenRows() {
    }

    /** A list to collect the written rows in, or null when nothing will be made of them. */
    static List<Object[]> collector(Returning returning, KeyRequest keys) {
        return returning == null && keys.kind() == KeyRequest.Kind.NONE ? null : new ArrayList<>();
    }

    static Result result(TableDef table, Returning returning, long count, List<Object[]> rows, KeyRequest keys,
                         EvalContext ctx) {
        if (rows == null) {
            return Result.count(count);
        }
        if (returning == null) {
            return new Result(null, count, GeneratedKeys.of(table, keys, rows));
        }
        Expr[] values = returning.values();
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] r = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                r[i] = values[i].eval(row, ctx);
            }
            out.add(r);
        }
        QueryResult returned = new QueryResult(returning.columns().clone(), out);
        return new Result(returned, count, returned);
    }
}
