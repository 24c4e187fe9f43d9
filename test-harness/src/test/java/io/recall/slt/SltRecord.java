package io.recall.slt;

import java.util.List;

/** One record of a sqllogictest script, with the line its command is on and the skipif/onlyif lines before it. */
sealed interface SltRecord {
    int line();

    Conditions conditions();

    /** {@code statement ok} or {@code statement error}. */
    record Statement(int line, Conditions conditions, String sql, boolean expectError) implements SltRecord {
    }

    /** {@code query <types> <sortmode> [label]}, its SQL and the expected result after {@code ----}. */
    record Query(int line, Conditions conditions, String types, SortMode sortMode, String label, String sql,
                 ExpectedResult expected) implements SltRecord {
    }

    /** Stops the script for the engines its conditions let through. */
    record Halt(int line, Conditions conditions) implements SltRecord {
    }

    record HashThreshold(int line, Conditions conditions, int threshold) implements SltRecord {
    }

    /** The {@code skipif <engine>} and {@code onlyif <engine>} lines in front of a record. */
    record Conditions(List<String> skipIf, List<String> onlyIf) {
        static final Conditions NONE = new Conditions(List.of(), List.of());

        boolean allow(String engine) {
            return !skipIf.contains(engine) && onlyIf.stream().allMatch(engine::equals);
        }
    }
}
