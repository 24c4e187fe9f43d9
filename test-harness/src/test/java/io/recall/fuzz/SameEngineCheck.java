package io.recall.fuzz;

import java.sql.Connection;
import java.util.function.Function;

/**
 * The query on Recall twice, read two ways that must not change the answer: index and key access against
 * full scans, set against ordered_set tables, outside against inside a transaction that rewrote the rows.
 */
final class SameEngineCheck implements Check {
    private final String name;
    private final Function<Databases, Connection> other;

    private SameEngineCheck(String name, Function<Databases, Connection> other) {
        this.name = name;
        this.other = other;
    }

    static SameEngineCheck indexVsScan() {
        return new SameEngineCheck("index-vs-scan", db -> db.recallScan);
    }

    static SameEngineCheck setVsOrderedSet() {
        return new SameEngineCheck("set-vs-ordered_set", db -> db.recallOrdered);
    }

    static SameEngineCheck outsideVsInsideTransaction() {
        return new SameEngineCheck("outside-vs-in-transaction", db -> db.recallTx);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Verdict run(Databases db, Node root) {
        String sql = root.sql();
        Outcome a = Outcome.run(db.recall, sql);
        Outcome b = Outcome.run(other.apply(db), sql);
        if (b.internal()) {
            return Compare.outcomes(name, b, a, null);
        }
        return Compare.outcomes(name, a, b, root);
    }
}
