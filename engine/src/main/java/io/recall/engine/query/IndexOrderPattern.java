package io.recall.engine.query;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.ColumnRef;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.SortKey;
import io.recall.parser.query.Filter;
import io.recall.parser.query.Limit;
import io.recall.parser.query.Project;
import io.recall.parser.query.Sort;
import io.recall.parser.query.TableScan;

/**
 * Recognises a query an index can serve in order: one table (with or without a WHERE), selected
 * columns, ORDER BY plain columns of the table ascending with NULLs first (the default), and a
 * LIMIT. Whether an index fits is decided when the query runs ({@link IndexOrderOp}).
 */
final class IndexOrderPattern {
    private IndexOrderPattern() {
    }

    static Operator match(Limit limit, Sort sort, SortOp fallback) {
        if (limit.limit() == null || !(sort.input() instanceof Project p)) {
            return null;
        }
        TableDef table;
        Expr filter = null;
        if (p.input() instanceof TableScan t) {
            table = t.table();
        } else if (p.input() instanceof Filter f && f.input() instanceof TableScan t) {
            table = t.table();
            filter = f.condition();
        } else {
            return null;
        }
        int[] columns = new int[sort.keys().length];
        for (int i = 0; i < columns.length; i++) {
            SortKey k = sort.keys()[i];
            if (k.descending() || !k.nullsFirst() || !(k.expr() instanceof ColumnRef out)
                    || !(p.exprs()[out.index()] instanceof ColumnRef column)) {
                return null;
            }
            columns[i] = column.index();
        }
        return new IndexOrderOp(table, filter, p.exprs(), columns, limit.limit(), limit.offset(), fallback);
    }
}
