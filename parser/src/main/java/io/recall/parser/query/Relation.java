package io.recall.parser.query;

/**
 * A bound relational expression: what a query computes, independent of how the engine runs it.
 * Every relation produces rows of {@link #width()} values; expressions over its rows read those
 * positions. The engine chooses access paths, join order and algorithms.
 */
public sealed interface Relation permits TableScan, SingleRow, ValuesRows, Join, Filter, Project, Aggregate,
        Window, Sort, Limit, Distinct, SetOperation, RecursiveUnion, WorkingTable {
    int width();
}
