package io.recall.engine.query;

import io.recall.engine.exec.RowSource;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;
import io.recall.parser.query.RowSink;

/**
 * Reads one table: by primary key when the condition pins it, else through an index when the
 * condition has an equality or range on its leading column(s), else a scan with the condition
 * evaluated inside the store's iteration. Rows are the stored arrays, never copied here. An
 * {@code ordered_set} table's rows come out in primary-key order ({@link RowSource#inKeyOrder}).
 */
final class TableAccessOp extends Operator {
    private final TableDef table;
    private final Expr condition;
    private final RowSource source;

    TableAccessOp(TableDef table, Expr condition) {
        this.table = table;
        this.condition = condition;
        this.source = RowSource.inKeyOrder(table, condition);
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        source.forEach(qc.store(table), qc.eval(), qc.control(), (key, row) -> sink.accept(row));
    }

    /** The number of keys when the condition pins the primary key; else unknown. */
    @Override
    long rowBound(QueryContext qc) {
        long keys = source.keyCount(qc.eval());
        return keys < 0 ? Long.MAX_VALUE : keys;
    }

    @Override
    String describe(QueryContext qc) {
        return "table " + explainName(qc, table) + ": " + source.describe(qc.store(table), qc.eval(), qc.control().forceScan())
                + (condition == null ? "" : ", filter");
    }
}
