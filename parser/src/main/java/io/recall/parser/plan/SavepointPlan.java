package io.recall.parser.plan;

/**
 * {@code SAVEPOINT name}, {@code ROLLBACK TO [SAVEPOINT] name} or {@code RELEASE [SAVEPOINT] name}. The name is
 * normalised as an identifier (unquoted names upper-cased).
 */
public record SavepointPlan(Action action, String name) implements BoundStatement {
    public enum Action { SET, ROLLBACK_TO, RELEASE }
}
