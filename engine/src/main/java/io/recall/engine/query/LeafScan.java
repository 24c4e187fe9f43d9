package io.recall.engine.query;

import io.recall.engine.exec.RowSource;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;
import io.recall.parser.query.RowSink;

/**
 * A table read as one input of a join: by primary key when its own conditions pin it, else
 * through an index on them, else a scan. Each row is copied into a wide row and checked against
 * the conditions that read only this table.
 */
final class LeafScan extends Operator {
    private final TableDef table;
    private final int offset;
    private final int width;
    private final Expr filter;
    private final RowSource access;

    LeafScan(TableDef table, int offset, int width, Expr filter) {
        this.table = table;
        this.offset = offset;
        this.width = width;
        this.filter = filter;
        this.access = new RowSource(table, filter, offset);
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        access.forEachCandidate(qc.store(table), qc.eval(), qc.control(), (key, row) -> pass(qc, row, sink));
    }

    private boolean pass(QueryContext qc, Object[] row, RowSink sink) {
        Object[] wide = new Object[width];
        System.arraycopy(row, 0, wide, offset, row.length);
        return filter != null && !Expr.isTrue(filter, wide, qc.eval()) || sink.accept(wide);
    }

    @Override
    String describe(QueryContext qc) {
        return "table " + explainName(qc, table) + ": " + access.describe(qc.store(table), qc.eval(), qc.control().forceScan())
                + (filter == null ? "" : ", filter");
    }
}
