package io.recall.parser.plan;

import io.recall.parser.catalog.CheckDef;
import io.recall.parser.catalog.ForeignKeyDef;
import io.recall.parser.catalog.IndexDef;

/**
 * ALTER TABLE ... ADD [CONSTRAINT name] UNIQUE / CHECK / FOREIGN KEY: exactly one of {@code unique},
 * {@code check} and {@code foreignKey}, named (a generated name when none was written) and bound against
 * the table as the catalog holds it; none of them when the table does not exist and IF EXISTS was given.
 */
public record AddConstraintPlan(String schema, String table, IndexDef unique, CheckDef check, ForeignKeyDef foreignKey)
        implements AlterTablePlan {
    public AddConstraintPlan {
        int given = (unique == null ? 0 : 1) + (check == null ? 0 : 1) + (foreignKey == null ? 0 : 1);
        if (given > 1) {
            throw new IllegalArgumentException("One constraint per ALTER TABLE ... ADD");
        }
    }

    /** ALTER TABLE IF EXISTS of a table that does not exist: nothing to do. */
    public static AddConstraintPlan nothing(String schema, String table) {
        return new AddConstraintPlan(schema, table, null, null, null);
    }

    public boolean isNothing() {
        return unique == null && check == null && foreignKey == null;
    }
}
