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
     * Numbers equal within the tolerance may sort either way (0.1 against 0.10000000000000002 from a DOUBLE sum),
     * and that can reorder the later sort keys too: both lists sorted again by the ORDER BY with such numbers as
     * ties must then be the same.
     */
    private static boolean sameOrderWithinTolerance(Node root, Outcome recall, Outcome reference) {
        String clause = ((Node) root.parts.get(1)).sql();
        return Rows.sameList(SetOperations.orderLoosely(recall.rows, clause), SetOperations.orderLoosely(reference.rows, clause));
    }

    /**
     * The verdict for Recall's outcome against a reference. An internal error or a non-SQLException from Recall
     * fails whatever the reference did; 0A000 is UNSUPPORTED; errors on both sides agree.
     */
    static Verdict outcomes(String what, Outcome recall, Outcome reference, Node root) {
        boolean ordered = root != null && ordered(root);
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
        boolean same = Rows.sameMultiset(recall.rows, reference.rows)
                && (!ordered || Rows.sameList(recall.rows, reference.rows) || sameOrderWithinTolerance(root, recall, reference));
        if (same) {
            return Verdict.AGREE;
        }
        return Verdict.fail("different rows" + (ordered ? " (ordered)" : ""),
                "Recall: " + recall.describe() + "\n" + what + ": " + reference.describe());
    }
}
