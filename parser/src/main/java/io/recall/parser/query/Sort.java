package io.recall.parser.query;

import io.recall.parser.plan.SortKey;

/** The input ordered by the keys (evaluated over input rows). */
public record Sort(Relation input, SortKey[] keys) implements Relation {
    @Override
    public int width() {
        return input.width();
    }
}
