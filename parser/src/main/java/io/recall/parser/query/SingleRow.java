package io.recall.parser.query;

/** One row with no columns: the source of a SELECT without FROM. */
public record SingleRow() implements Relation {
    @Override
    public int width() {
        return 0;
    }
}
