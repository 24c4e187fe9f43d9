package io.recall.engine.exec;

import io.recall.engine.storage.RowVisitor;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;

/**
 * The access path of a single-table statement, chosen once per prepared statement: read by
 * primary key when the WHERE pins it, otherwise a scan with the WHERE pushed into the store.
 * Either way every row passed on satisfies the full WHERE.
 */
public final class RowSource {
    private final Expr where;
    private final KeyLookup keyLookup;
    private final PrimaryKey primaryKey;

    public RowSource(TableDef table, Expr where) {
        this.where = where;
        this.keyLookup = KeyLookup.analyze(table, where, 0);
        this.primaryKey = table.hasPrimaryKey() ? new PrimaryKey(table) : null;
    }

    public boolean usesKeyLookup() {
        return keyLookup != null;
    }

    /** The keys of the rows the WHERE selects, read before a write locks them one by one. */
    public java.util.List<Object> keys(TableStore store, EvalContext ctx, ExecutionControl control) {
        java.util.List<Object> keys = new java.util.ArrayList<>();
        forEach(store, ctx, control, (key, row) -> keys.add(key));
        return keys;
    }

    public void forEach(TableStore store, EvalContext ctx, ExecutionControl control, RowVisitor visitor) {
        if (keyLookup != null) {
            for (Object key : keyLookup.keys(primaryKey, ctx)) {
                Object[] row = store.get(key);
                if (row != null && Expr.isTrue(where, row, ctx) && !visitor.visit(key, row)) {
                    return;
                }
            }
            return;
        }
        if (where == null) {
            store.scan(null, (key, row) -> {
                control.tick();
                return visitor.visit(key, row);
            });
        } else {
            store.scan(row -> {
                control.tick();
                return Expr.isTrue(where, row, ctx);
            }, visitor);
        }
    }
}
