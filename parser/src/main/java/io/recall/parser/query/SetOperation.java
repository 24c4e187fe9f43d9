package io.recall.parser.query;

/** UNION, INTERSECT or EXCEPT of two inputs of equal width, with or without ALL. */
public record SetOperation(Kind kind, boolean all, Relation left, Relation right) implements Relation {
    public enum Kind { UNION, INTERSECT, EXCEPT }

    @Override
    public int width() {
        return left.width();
    }
}
