package io.recall.bench;

import java.util.List;
import java.util.function.Supplier;

/** The ten workloads of issue 4, in the order they run (reads of the shared data set first). */
final class Workloads {
    static final List<Supplier<Workload>> ALL = List.of(
            PointSelect::new, FilterScan::new, IndexEquality::new, IndexedJoin::new, GroupBy::new,
            OrderByLimit::new, SingleInsert::new, BatchInsert::new, UpdateByKey::new, Transfer::new);

    private Workloads() {
    }
}
