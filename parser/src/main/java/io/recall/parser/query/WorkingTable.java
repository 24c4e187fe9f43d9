package io.recall.parser.query;

/** Inside a recursive CTE, the rows the previous round added. */
public record WorkingTable(int id, int width) implements Relation {
}
