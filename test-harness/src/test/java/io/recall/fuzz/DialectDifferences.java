package io.recall.fuzz;

/**
 * Every known difference between Recall and H2 (2.3, default mode) that the differential fuzzer meets, in one
 * place, each with its reason and how the fuzzer deals with it. None of them is a wrong answer by Recall.
 */
final class DialectDifferences {
    private DialectDifferences() {
    }

    /**
     * H2 has no FULL OUTER JOIN (a syntax error): a plain top SELECT block with one is compared with a UNION of a
     * LEFT JOIN and the unmatched right rows ({@link FullJoinForH2}); other queries with one (grouped, or the
     * FULL JOIN in a subquery) are checked by the self-checks only.
     */
    static final String FULL_JOIN = "H2 has no FULL JOIN";

    /**
     * H2 has no INTERSECT ALL and no EXCEPT ALL: a set operation using them is computed from H2's answers to
     * each SELECT block, combined by the fuzzer ({@link SetOperations}).
     */
    static final String INTERSECT_EXCEPT_ALL = "H2 has no INTERSECT ALL / EXCEPT ALL";

    /**
     * DECIMAL division: H2 gives the quotient a scale derived from the operands (1 / 3.0 = 0.333), Recall keeps
     * 34 significant digits, as PostgreSQL keeps at least 16. The generator divides integers only.
     */
    static final String DECIMAL_DIVISION = "DECIMAL quotient scale";

    /**
     * AVG: H2 returns DOUBLE for integers and a 12-digit scale for DECIMAL, Recall a DECIMAL of 34 significant
     * digits. Numbers are compared within a relative tolerance of 1e-10 (H2 rounds AVG of BIGINT to 10
     * decimals), which also absorbs the rounding of DOUBLE sums added in a different order.
     */
    static final String AVG_PRECISION = "AVG precision";

    /** Recall returns -0.0 for a negated DOUBLE zero (as PostgreSQL does), H2 0.0: values compare numerically. */
    static final String NEGATIVE_ZERO = "DOUBLE -0.0";

    /**
     * Not generated because Recall refuses them with 0A000 (they are listed in README "Not yet"): IS [NOT] TRUE,
     * IS DISTINCT FROM, aggregate FILTER, row values with IN, SUBSTRING ... FROM. NATURAL JOIN is not generated:
     * H2 reports a column of both sides as ambiguous where Recall merges it. IS [NOT] NULL is not applied to a
     * condition: H2 cannot parse {@code (EXISTS (...)) IS NULL}.
     */
    static final String NOT_GENERATED = "not generated";

    /**
     * Evaluation order: SQL leaves it to the engine whether an expression is evaluated for a row that cannot
     * affect the answer (H2 skips a derived table joined on a condition it finds false, Recall skips the select
     * list of an EXISTS subquery, either may short-circuit AND/OR). A numeric overflow ({@code 22003}) raised on
     * one side only is therefore not a disagreement; the generator casts only to types wide enough for every
     * value, so overflow comes only from rare long products.
     */
    static final String EVALUATION_ORDER = "overflow on a row the other engine never evaluates";

    /**
     * A column of an enclosing query in the select list or HAVING of a grouped subquery is a constant there
     * (PostgreSQL and Recall accept it); H2 demands it be grouped (90016). Not generated: accepting such
     * errors would also hide a Recall that wrongly accepts an ungrouped column of its own query.
     */
    static final String OUTER_IN_GROUPED = "outer column in a grouped subquery";

    /**
     * H2 folds {@code SUM(CASE WHEN <never> THEN 1 END)} (also through a derived table's column) to SUM(NULL) and
     * refuses it (90015, "SUM or AVG on wrong data type"); the generator only sums numbers, and Recall (like
     * PostgreSQL) answers NULL.
     */
    static final String SUM_OF_FOLDED_NULL = "H2 refuses SUM/AVG of a folded NULL";

    /**
     * H2 2.3 bug: {@code indexed_column = ALL (subquery)} returns no rows when the subquery is empty and H2
     * reads the column's index (it should be TRUE for every row). {@code = ALL} is not generated; the other
     * comparisons with ALL are.
     */
    static final String H2_EQUALS_ALL = "H2 = ALL through an index";

    /**
     * Rounding a DOUBLE to an integer type: H2 rounds halves up (Math.round: -0.5 to 0, -2.5 to -2), PostgreSQL to
     * even, Recall away from zero (-0.5 to -1), as it and both others round DECIMAL. The generator casts a DOUBLE
     * to DECIMAL(30,4) before an integer type, where all agree.
     */
    static final String DOUBLE_TO_INTEGER = "DOUBLE to integer rounding of halves";

    /**
     * H2 converts the values of an IN list or IN subquery to the left operand's type: {@code int_col IN
     * (bigint_col)} fails with 22004 when a BIGINT value does not fit an INTEGER. Recall compares the numbers
     * (as PostgreSQL does). Accepted when H2 fails with 22004 on a query with IN and Recall answers.
     */
    static final String H2_IN_NARROWING = "H2 narrows IN values to the left operand's type";

    /**
     * H2 bug: a derived table whose column is an EXISTS, used as a join or WHERE condition, makes H2 fail to
     * parse the condition it pushes into the derived table ({@code EXISTS(...) IS NOT DISTINCT FROM ?1}, 42000 or
     * 42001). Accepted when H2's message shows that text (the generator writes neither IS NOT DISTINCT FROM nor
     * parameters) and Recall answers.
     */
    static final String H2_PUSHDOWN_SYNTAX = "H2 cannot parse its own pushed-down EXISTS condition";

    /** True when the query cannot run on H2 at all. */
    static boolean h2CannotRun(Node root) {
        return root.contains(" FULL JOIN ");
    }

    /** True when H2 cannot run the query's set operation itself. */
    static boolean h2LacksSetOperation(Node root) {
        return root.contains(" INTERSECT ALL ") || root.contains(" EXCEPT ALL ");
    }

    /**
     * The listed difference that explains an error on one side only, or null when none does (then it is a
     * disagreement to investigate).
     */
    static String explainOneSidedError(Node root, Outcome recall, Outcome h2) {
        if ("22003".equals(recall.sqlState()) || "22003".equals(h2.sqlState())) {
            return EVALUATION_ORDER;
        }
        if (recall.ok() && "22004".equals(h2.sqlState()) && root.contains(" IN (")) {
            return H2_IN_NARROWING;
        }
        if (recall.ok() && h2.sqlState() != null && h2.sqlState().startsWith("4200")
                && h2.error.getMessage().contains("IS NOT DISTINCT FROM ?1")) {
            return H2_PUSHDOWN_SYNTAX;
        }
        if (recall.ok() && "90015".equals(h2.sqlState())) {
            return SUM_OF_FOLDED_NULL;
        }
        return null;
    }
}
