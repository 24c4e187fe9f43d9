package io.recall.parser.plan;

/** The SQL isolation levels, in increasing strength. */
public enum IsolationLevel {
    READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE
}
