package io.recall.parser.plan;

/** DROP VIEW. */
public record DropViewPlan(String schema, String name, boolean ifExists) implements BoundStatement {
}
