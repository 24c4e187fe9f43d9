package io.recall.parser.plan;

/** CREATE SCHEMA, DROP SCHEMA and SET SCHEMA. */
public record SchemaPlan(Action action, String schema, boolean ifExistsOrNot, boolean cascade)
        implements BoundStatement {
    public enum Action { CREATE, DROP, SET }
}
