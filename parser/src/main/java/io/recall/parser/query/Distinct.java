package io.recall.parser.query;

/** The input without duplicate rows (NULLs equal to each other, 1 equal to 1.0). */
public record Distinct(Relation input) implements Relation {
    @Override
    public int width() {
        return input.width();
    }
}
