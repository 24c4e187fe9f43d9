package io.recall.parser.catalog;

import java.util.List;

/**
 * A FOREIGN KEY of a table (the child): its columns, in order, reference the parent table's
 * columns at the same positions, which are the parent's primary key or one of its UNIQUE
 * constraints. A child row with a NULL in any key column is not checked (MATCH SIMPLE).
 */
public record ForeignKeyDef(String name, List<String> columns, String parentSchema, String parentTable,
                            List<String> parentColumns, ReferentialAction onDelete, ReferentialAction onUpdate) {
    public ForeignKeyDef {
        columns = List.copyOf(columns);
        parentColumns = List.copyOf(parentColumns);
    }

    public boolean references(TableDef table) {
        return parentSchema.equals(table.schema()) && parentTable.equals(table.name());
    }

    public String parentQualifiedName() {
        return parentSchema + "." + parentTable;
    }
}
