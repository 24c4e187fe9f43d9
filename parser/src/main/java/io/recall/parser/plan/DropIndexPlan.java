package io.recall.parser.plan;

/** DROP INDEX; index names are unique per schema. */
public record DropIndexPlan(String schema, String name, boolean ifExists) implements BoundStatement {
}
