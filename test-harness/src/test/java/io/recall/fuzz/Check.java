package io.recall.fuzz;

/** One way of checking a generated query against a reference answer. */
interface Check {
    String name();

    /** {@code tree} is a {@link Node.Kind#ROOT} query, or for ternary logic partitioning a GROUP of [query, predicate]. */
    Verdict run(Databases db, Node tree);

    /** The queries of the tree as an SQL script, for a reproducer. */
    default String queries(Node tree) {
        return tree.sql() + ";";
    }
}
