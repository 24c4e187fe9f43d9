package io.recall.parser.plan;

/** DROP TABLE. */
public record DropTablePlan(String schema, String name, boolean ifExists) implements BoundStatement {
}
