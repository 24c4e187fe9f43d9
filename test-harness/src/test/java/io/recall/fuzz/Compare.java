package io.recall.fuzz;

/** Compares two outcomes of one query the way every check does. */
final class Compare {
    private Compare() {
    }

    /** A query whose ORDER BY names every column has a determined order: its rows are compared as lists. */
    static boolean ordered(Node root) {
        Node order = root.kind == Node.Kind.ROOT ? (Node) root.parts.get(1) : null;
        return order != null && !order.isEmpty();
    }

    /**
     * The verdict for Recall's outcome against a reference. An internal error or a non-SQLException from Recall
     * fails whatever the reference did; 0A000 is UNSUPPORTED; errors on both sides agree.
     */
    static Verdict outcomes(String what, Outcome recall, Outcome reference, boolean ordered) {
        if (recall.internal()) {
            return Verdict.fail("internal error " + (recall.crash != null ? recall.crash.getClass().getName() : "XX000"),
                    "Recall: " + recall.describe());
        }
        if (recall.unsupported()) {
            return new Verdict(Verdict.Status.UNSUPPORTED, "", recall.error.getMessage());
        }
        if (!recall.ok() && !reference.ok()) {
            return Verdict.AGREE;
        }
        if (!recall.ok()) {
            return Verdict.fail("only Recall fails " + recall.sqlState(),
                    "Recall: " + recall.describe() + "\n" + what + ": " + reference.describe());
        }
        if (!reference.ok()) {
            return Verdict.fail("only " + what + " fails " + reference.sqlState(),
                    "Recall: " + recall.describe() + "\n" + what + ": " + reference.describe());
        }
        boolean same = ordered ? Rows.sameList(recall.rows, reference.rows) : Rows.sameMultiset(recall.rows, reference.rows);
        if (same) {
            return Verdict.AGREE;
        }
        return Verdict.fail("different rows" + (ordered ? " (ordered)" : ""),
                "Recall: " + recall.describe() + "\n" + what + ": " + reference.describe());
    }
}
