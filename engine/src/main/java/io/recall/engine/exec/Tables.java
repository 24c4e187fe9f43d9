package io.recall.engine.exec;

import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.TableDef;

import java.util.List;

/**
 * The other tables a write may touch through its constraints: a foreign key's parent (to find the
 * referenced row) and the tables whose foreign keys reference the written one (to find children).
 */
public interface Tables {
    /** The table, or null. */
    TableDef table(String schema, String name);

    /** The table's store (not the transaction's view of it). */
    TableStore store(TableDef table);

    /** The tables with a foreign key that references {@code parent}, the table itself included when it does. */
    List<TableDef> referencing(TableDef parent);
}
