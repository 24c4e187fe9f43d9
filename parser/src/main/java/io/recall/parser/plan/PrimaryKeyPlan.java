package io.recall.parser.plan;

import java.util.List;

/**
 * ALTER TABLE ... ADD [CONSTRAINT n] PRIMARY KEY (cols) ({@code columns} set), or DROP PRIMARY KEY / DROP
 * CONSTRAINT {@code <table>_PKEY} [CASCADE] ({@code columns} null). {@code table} null: nothing to do.
 */
public record PrimaryKeyPlan(String schema, String table, List<String> columns, boolean cascade)
        implements AlterTablePlan {
    public PrimaryKeyPlan {
        columns = columns == null ? null : List.copyOf(columns);
    }

    public static PrimaryKeyPlan nothing(String schema) {
        return new PrimaryKeyPlan(schema, null, null, false);
    }

    public boolean isNothing() {
        return table == null;
    }

    public boolean adds() {
        return columns != null;
    }
}
