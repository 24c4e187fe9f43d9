package io.recall.parser.query;

/** Window functions: each input row followed by the value of every call for that row. */
public record Window(Relation input, WindowCall[] calls) implements Relation {
    @Override
    public int width() {
        return input.width() + calls.length;
    }
}
