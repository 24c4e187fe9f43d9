package io.recall.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * customers(10k) joined to orders(100k) on the indexed orders.customer_id, for the 10 customers of one
 * region (customers.region is indexed too): 100 rows.
 */
final class IndexedJoin extends JdbcWorkload {
    private PreparedStatement select;

    @Override
    public String name() {
        return "join";
    }

    @Override
    public String description() {
        return "join orders(100k) with customers(10k) on an indexed key (100 rows)";
    }

    @Override
    protected void prepare() throws SQLException {
        data.ensureOrders();
        select = statement("SELECT c.name, o.id, o.amount FROM customers c JOIN orders o ON o.customer_id = c.id"
                + " WHERE c.region = ?");
    }

    @Override
    public void run(long i) throws SQLException {
        select.setInt(1, (int) (i % scale.regions()));
        expectRows(select, 100, "orders of one region");
    }
}
