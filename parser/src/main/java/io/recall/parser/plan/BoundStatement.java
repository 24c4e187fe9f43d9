package io.recall.parser.plan;

/** A statement after binding: names resolved, types checked, expressions compiled. */
public interface BoundStatement {
    /** True for statements that change table contents (refused in a read-only transaction). */
    default boolean writesData() {
        return false;
    }
}
