package io.recall.parser.query;

/**
 * WITH RECURSIVE: the anchor's rows, then the recursive part run again and again over the rows
 * the previous round added ({@link WorkingTable} {@code id}) until a round adds none. With
 * {@code all} false, rows already produced are not added again.
 */
public record RecursiveUnion(int id, Relation anchor, Relation recursive, boolean all) implements Relation {
    @Override
    public int width() {
        return anchor.width();
    }
}
