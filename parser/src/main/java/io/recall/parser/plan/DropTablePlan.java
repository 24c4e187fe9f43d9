package io.recall.parser.plan;

/** DROP TABLE; with CASCADE the foreign keys of other tables that reference it are dropped too. */
public record DropTablePlan(String schema, String name, boolean ifExists, boolean cascade) implements BoundStatement {
    public DropTablePlan(String schema, String name, boolean ifExists) {
        this(schema, name, ifExists, false);
    }
}
