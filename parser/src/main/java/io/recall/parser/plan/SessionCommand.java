package io.recall.parser.plan;

/**
 * Transaction control and session settings written in SQL: BEGIN, COMMIT, ROLLBACK,
 * SET TRANSACTION ISOLATION LEVEL / READ ONLY / READ WRITE, SET LOCK_TIMEOUT, SET FORCE_SCAN.
 */
public record SessionCommand(Kind kind, IsolationLevel isolation, long value) implements BoundStatement {
    public enum Kind { BEGIN, COMMIT, ROLLBACK, SET_ISOLATION, SET_READ_ONLY, SET_READ_WRITE, SET_LOCK_TIMEOUT, SET_FORCE_SCAN }

    public static SessionCommand of(Kind kind) {
        return new SessionCommand(kind, null, 0);
    }
}
