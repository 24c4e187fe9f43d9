package io.recall.parser.query;

/** Receives the rows of a relation one at a time; returning false asks for no more rows. */
@FunctionalInterface
public interface RowSink {
    boolean accept(Object[] row);
}
