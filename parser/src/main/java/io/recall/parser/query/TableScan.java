package io.recall.parser.query;

import io.recall.parser.catalog.TableDef;

/** The stored rows of a table, in column order. */
public record TableScan(TableDef table, String alias) implements Relation {
    @Override
    public int width() {
        return table.columnCount();
    }
}
