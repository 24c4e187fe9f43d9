package io.recall.engine.query;

import io.recall.engine.exec.ColumnOrder;
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
 * Recognises a query an index might serve in order: one table (with or without a WHERE), selected
 * columns, ORDER BY plain columns of the table in any directions, and a LIMIT — or, for an
 * {@code ordered_set} table, whose key order is what a read of it walks anyway, no LIMIT. Whether an
 * index fits, directions and NULL placement included, is decided when the query runs
 * ({@link IndexOrderOp}).
 */
final class IndexOrderPattern {
    private IndexOrderPattern() {
    }

    static Operator match(Limit limit, Sort sort, SortOp fallback) {
        return match(sort, limit.limit(), limit.offset(), fallback);
    }

    /** The same for ORDER BY without LIMIT (and {@code limit} null). */
    static Operator match(Sort sort, SortOp fallback) {
        return match(sort, null, null, fallback);
    }

    private static Operator match(Sort sort, Expr limit, Expr offset, SortOp fallback) {
        if (!(sort.input() instanceof Project p)) {
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
        if (limit == null && !table.ordered()) {
            return null;
        }
        int n = sort.keys().length;
        int[] columns = new int[n];
        boolean[] descending = new boolean[n];
        boolean[] nullsFirst = new boolean[n];
        for (int i = 0; i < n; i++) {
            SortKey k = sort.keys()[i];
            if (!(k.expr() instanceof ColumnRef out) || !(p.exprs()[out.index()] instanceof ColumnRef column)) {
                return null;
            }
            columns[i] = column.index();
            descending[i] = k.descending();
            nullsFirst[i] = k.nullsFirst();
        }
        return new IndexOrderOp(table, filter, p.exprs(), new ColumnOrder(columns, descending, nullsFirst),
                limit, offset, fallback);
    }
}
