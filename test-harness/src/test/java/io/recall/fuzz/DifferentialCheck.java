package io.recall.fuzz;

/** The query on Recall against H2 (or, for INTERSECT/EXCEPT ALL, against H2's blocks combined here). */
final class DifferentialCheck implements Check {
    @Override
    public String name() {
        return "recall-vs-h2";
    }

    @Override
    public Verdict run(Databases db, Node root) {
        String sql = root.sql();
        Outcome recall = Outcome.run(db.recall, sql);
        if (DialectDifferences.h2CannotRun(root)) {
            return recall.internal() ? Compare.outcomes("H2", recall, recall, false) : Verdict.SKIPPED;
        }
        Outcome h2 = DialectDifferences.h2LacksSetOperation(root) ? SetOperations.evaluate(db.h2, root) : Outcome.run(db.h2, sql);
        Verdict v = Compare.outcomes("H2", recall, h2, Compare.ordered(root));
        if (v.failed() && (!recall.ok() || !h2.ok()) && !recall.internal()) {
            String known = DialectDifferences.explainOneSidedError(root, recall, h2);
            if (known != null) {
                return Verdict.dialect(known);
            }
        }
        return v;
    }
}
