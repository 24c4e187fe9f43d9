package io.recall.engine.query;

import io.recall.engine.exec.IndexAccess;
import io.recall.engine.storage.IndexStatistics;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;
import io.recall.parser.query.RowSink;

import java.util.List;

/**
 * Joins a table through a secondary index on its join columns: for each outer row the matching
 * rows are found with an index lookup, no scan and no hash table. Which index is used is decided
 * when the step runs, from the table's indexes at that moment; without a fitting index the step
 * runs as the hash join it was planned with. Every join condition is checked again on the merged
 * row, so the index only changes speed.
 */
final class IndexJoinStep extends JoinStep {
    private record Choice(List<OrderedIndex> indexes, IndexAccess found, IndexStatistics statistics,
                          IndexAccess access) {
    }

    private final TableDef table;
    private final int[] columns;
    private final Expr[] values;
    private final int offset;
    private final Expr residual;
    private final boolean leftOuter;
    private final HashJoinStep fallback;
    private volatile Choice choice;

    IndexJoinStep(TableDef table, int[] columns, Expr[] values, int offset, Expr residual, boolean leftOuter,
                  HashJoinStep fallback) {
        this.table = table;
        this.columns = columns;
        this.values = values;
        this.offset = offset;
        this.residual = residual;
        this.leftOuter = leftOuter;
        this.fallback = fallback;
    }

    /**
     * The index lookup to use, or null for the hash join: chosen again when the table's indexes
     * or the chosen index's statistics changed. A lookup expected to return more than a quarter
     * of the table per outer row (a join on a column with few distinct values) is left to the
     * hash join, which reads the table once.
     */
    private IndexAccess access(TableStore store) {
        List<OrderedIndex> now = store.indexes();
        Choice c = choice;
        if (c == null || c.indexes() != now || c.found() != null && c.statistics() != c.found().statistics()) {
            IndexAccess found = IndexAccess.forJoin(now, columns, values);
            IndexStatistics statistics = found == null ? null : found.statistics();
            c = new Choice(now, found, statistics, found == null || found.scanIsCheaper(null) ? null : found);
            choice = c;
        }
        return c.access();
    }

    @Override
    void open(QueryContext qc) {
        fallback.open(qc);
    }

    @Override
    boolean extend(QueryContext qc, Object[] row, RowSink next) {
        TableStore store = qc.store(table);
        IndexAccess access = qc.control().forceScan() ? null : access(store);
        if (access == null) {
            return fallback.extend(qc, row, next);
        }
        boolean[] matched = new boolean[1];
        boolean[] stopped = new boolean[1];
        access.forEach(store, row, qc.eval(), (key, found) -> {
            qc.control().tick();
            Object[] merged = row.clone();
            System.arraycopy(found, 0, merged, offset, found.length);
            if (residual != null && !Expr.isTrue(residual, merged, qc.eval())) {
                return true;
            }
            matched[0] = true;
            if (!next.accept(merged)) {
                stopped[0] = true;
                return false;
            }
            return true;
        });
        if (stopped[0]) {
            return false;
        }
        return matched[0] || !leftOuter || next.accept(row);
    }

    @Override
    String describe(QueryContext qc) {
        IndexAccess access = qc.control().forceScan() ? null : access(qc.store(table));
        if (access == null) {
            return fallback.describe(qc);
        }
        return access.describe() + " join (" + (leftOuter ? "left" : "inner") + ") into " + Operator.explainName(qc, table);
    }

    @Override
    Operator buildSide(QueryContext qc) {
        return qc.control().forceScan() || access(qc.store(table)) == null ? fallback.buildSide(qc) : null;
    }
}
