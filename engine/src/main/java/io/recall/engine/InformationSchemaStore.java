package io.recall.engine;

import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.RowFilter;
import io.recall.engine.storage.RowShape;
import io.recall.engine.storage.RowVisitor;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.InformationSchema;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.util.List;

/**
 * An INFORMATION_SCHEMA view as a read-only table store: every read computes its rows from the catalog
 * ({@link InformationSchemaRows}); keys are row numbers; there are no indexes and no writes.
 */
final class InformationSchemaStore implements TableStore {
    private final String view;
    private final InformationSchemaRows rows;

    InformationSchemaStore(TableDef table, Database database) {
        this.view = InformationSchema.viewName(table);
        this.rows = new InformationSchemaRows(database);
    }

    @Override
    public Object[] get(Object key) {
        List<Object[]> all = rows.rows(view);
        int i = key instanceof Long n ? (int) (long) n : -1;
        return i >= 0 && i < all.size() ? all.get(i) : null;
    }

    @Override
    public Object[] getCommitted(Object key) {
        return get(key);
    }

    @Override
    public boolean lock(Object key, long timeoutMillis) {
        throw readOnly();
    }

    @Override
    public void put(Object key, Object[] row) {
        throw readOnly();
    }

    @Override
    public boolean putLocking(Object key, Object[] row) {
        throw readOnly();
    }

    @Override
    public long writeLockTimeoutMillis() {
        return 0;
    }

    @Override
    public void remove(Object key) {
        throw readOnly();
    }

    @Override
    public void scan(RowFilter filter, RowVisitor visitor) {
        List<Object[]> all = rows.rows(view);
        for (int i = 0; i < all.size(); i++) {
            Object[] row = all.get(i);
            if ((filter == null || filter.test(row)) && !visitor.visit((long) i, row)) {
                return;
            }
        }
    }

    @Override
    public long size() {
        return rows.rows(view).size();
    }

    @Override
    public String storageType() {
        return "system";
    }

    @Override
    public void setRowShape(RowShape shape) {
        throw readOnly();
    }

    @Override
    public long estimatedRows() {
        return size();
    }

    @Override
    public OrderedIndex addIndex(IndexLayout layout) {
        throw readOnly();
    }

    @Override
    public void removeIndex(String name) {
        throw readOnly();
    }

    @Override
    public List<OrderedIndex> indexes() {
        return List.of();
    }

    private RecallException readOnly() {
        return new RecallException(ErrorCode.READ_ONLY_TRANSACTION, InformationSchema.SCHEMA + "." + view
                + " is read-only");
    }
}
