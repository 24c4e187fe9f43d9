package io.recall.engine.query;

import io.recall.engine.exec.PrimaryKey;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;
import io.recall.parser.query.RowSink;

/**
 * Joins a table by primary key: for each outer row the key is computed from the outer row's
 * values and the one matching row is read with a key lookup, no scan and no hash table.
 */
final class KeyJoinStep extends JoinStep {
    private final TableDef table;
    private final PrimaryKey primaryKey;
    private final Expr[] keyValues;
    private final int offset;
    private final Expr residual;
    private final boolean leftOuter;

    KeyJoinStep(TableDef table, Expr[] keyValues, int offset, Expr residual, boolean leftOuter) {
        this.table = table;
        this.primaryKey = new PrimaryKey(table);
        this.keyValues = keyValues;
        this.offset = offset;
        this.residual = residual;
        this.leftOuter = leftOuter;
    }

    @Override
    boolean extend(QueryContext qc, Object[] row, RowSink next) {
        Object[] values = new Object[keyValues.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = keyValues[i].eval(row, qc.eval());
        }
        Object key = primaryKey.ofValues(values);
        Object[] found = key == null ? null : store(qc).get(key);
        if (found != null) {
            Object[] merged = row.clone();
            System.arraycopy(found, 0, merged, offset, found.length);
            if (residual == null || Expr.isTrue(residual, merged, qc.eval())) {
                return next.accept(merged);
            }
        }
        return !leftOuter || next.accept(row);
    }

    private TableStore store(QueryContext qc) {
        return qc.store(table);
    }

    @Override
    String describe(QueryContext qc) {
        return "primary key lookup join (" + (leftOuter ? "left" : "inner") + ") into " + Operator.explainName(qc, table);
    }

    @Override
    Operator buildSide(QueryContext qc) {
        return null;
    }
}
