package io.recall.fuzz;

/**
 * The query on Recall against H2; for INTERSECT/EXCEPT ALL against H2's blocks combined here
 * ({@link SetOperations}), for a FULL JOIN against an equivalent H2 can run ({@link FullJoinForH2}).
 */
final class DifferentialCheck implements Check {
    @Override
    public String name() {
        return "recall-vs-h2";
    }

    @Override
    public Verdict run(Databases db, Node root) {
        String sql = root.sql();
        Outcome recall = Outcome.run(db.recall, sql);
        Outcome h2;
        if (DialectDifferences.h2CannotRun(root)) {
            String rewritten = FullJoinForH2.rewrite(root);
            if (rewritten == null) {
                return recall.internal() ? Compare.outcomes("H2", recall, recall, null) : Verdict.SKIPPED;
            }
            h2 = Outcome.run(db.h2, rewritten);
        } else {
            h2 = DialectDifferences.h2LacksSetOperation(root) ? SetOperations.evaluate(db.h2, root) : Outcome.run(db.h2, sql);
        }
        Verdict v = Compare.outcomes("H2", recall, h2, root);
        if (v.failed() && (!recall.ok() || !h2.ok()) && !recall.internal()) {
            String known = DialectDifferences.explainOneSidedError(root, recall, h2);
            if (known != null) {
                return Verdict.dialect(known);
            }
        }
        return v;
    }
}
