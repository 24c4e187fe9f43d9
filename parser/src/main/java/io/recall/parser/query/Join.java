package io.recall.parser.query;

/**
 * A FROM clause over several inputs. Its rows are "wide": input {@code i} occupies positions
 * {@code offsets[i] .. offsets[i] + inputs[i].width()}, in the order the FROM clause names them,
 * whatever order the engine joins them in. Every condition in {@link #tree()} reads wide rows,
 * so join order and algorithm never change how an expression is evaluated.
 */
public record Join(Relation[] inputs, int[] offsets, JoinNode tree, int width) implements Relation {
}
