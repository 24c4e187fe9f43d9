package io.recall.parser.plan;

import io.recall.parser.catalog.TableOptions;

/**
 * ALTER TABLE ... SET (storage = '...', type = '...'): the table moves to another storage type or table type
 * (Mnesia's change_table_copy_type); a field left null stays as it is. {@code table} is null when the table does
 * not exist and IF EXISTS was given.
 */
public record TableOptionsPlan(String schema, String table, TableOptions options) implements AlterTablePlan {
    public boolean isNothing() {
        return table == null;
    }
}
