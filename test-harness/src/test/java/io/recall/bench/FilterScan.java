package io.recall.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Full scan of orders with an equality on the unindexed bucket column: 1% of the rows. */
final class FilterScan extends JdbcWorkload {
    private PreparedStatement select;

    @Override
    public String name() {
        return "scan-filter";
    }

    @Override
    public String description() {
        return "full scan, filter on unindexed column (100k rows, 1% selected)";
    }

    @Override
    protected void prepare() throws SQLException {
        data.ensureOrders();
        select = statement("SELECT id, amount FROM orders WHERE bucket = ?");
    }

    @Override
    public void run(long i) throws SQLException {
        select.setInt(1, (int) (i % 100));
        expectRows(select, scale.bucketRows(), "bucket scan");
    }
}
