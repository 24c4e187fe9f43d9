package io.recall.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Equality on the non-unique secondary index orders(customer_id): 10 rows. */
final class IndexEquality extends JdbcWorkload {
    private PreparedStatement select;

    @Override
    public String name() {
        return "index-eq";
    }

    @Override
    public String description() {
        return "equality on a non-unique secondary index (10 rows)";
    }

    @Override
    protected void prepare() throws SQLException {
        data.ensureOrders();
        select = statement("SELECT id, amount, note FROM orders WHERE customer_id = ?");
    }

    @Override
    public void run(long i) throws SQLException {
        select.setInt(1, (int) (i * 31 % scale.customers()));
        expectRows(select, 10, "orders of one customer");
    }
}
