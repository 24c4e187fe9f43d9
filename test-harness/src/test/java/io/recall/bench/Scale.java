package io.recall.bench;

/**
 * Data sizes. The issue's sizes are {@link #ISSUE}; {@link #SMALL} keeps the same shape (every expected
 * count below holds for both) for the quick check in the test suite.
 *
 * @param orders    rows of {@code orders}; a multiple of 1,000
 * @param customers rows of {@code customers}: orders / 10, so each customer has 10 orders
 * @param batch     rows inserted by one batch-insert operation
 * @param accounts  rows of {@code accounts} (updates and transfers)
 */
record Scale(int orders, int customers, int batch, int accounts) {
    static final Scale ISSUE = new Scale(100_000, 10_000, 10_000, 10_000);
    static final Scale SMALL = new Scale(2_000, 200, 500, 200);

    /** Distinct regions: 10 customers each, so a region joins to 100 orders. */
    int regions() {
        return customers / 10;
    }

    /** Rows with one {@code bucket} value: 1% of the orders. */
    int bucketRows() {
        return orders / 100;
    }

    /** Rows with one {@code amount} value (amounts are 0..999). */
    int rowsPerAmount() {
        return orders / 1000;
    }
}
