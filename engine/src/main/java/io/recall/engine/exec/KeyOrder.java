package io.recall.engine.exec;

import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.TableDef;

/**
 * The primary-key order of an {@code ordered_set} table: an ordered index over its primary-key columns
 * ({@link IndexLayout#keyOrder}) that the table's store keeps from its creation (and rebuilds when it is
 * opened), beside the indexes the catalog names. A read of the table alone walks it, so rows come out in
 * key order; a key range reads it like any index range; ORDER BY the key reads it in order.
 */
public final class KeyOrder {
    private KeyOrder() {
    }

    /** The key order's layout for the table (storage name {@code <table storage>#key}). */
    public static IndexLayout layout(TableDef table) {
        return IndexLayout.keyOrder(table.storageName() + "#key", table.primaryKey());
    }

    /** Starts keeping the key order in the table's store, for an {@code ordered_set} table; nothing for a set. */
    public static void keep(TableDef table, TableStore store) {
        if (table.ordered()) {
            store.addIndex(layout(table));
        }
    }

    /** The key order the store keeps; null for a {@code set} table. */
    public static OrderedIndex of(TableStore store) {
        for (OrderedIndex index : store.indexes()) {
            if (index.layout().isKeyOrder()) {
                return index;
            }
        }
        return null;
    }
}
