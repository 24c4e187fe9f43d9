package io.recall.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A prepared point select by primary key on orders; checks the row and its amount. */
final class PointSelect extends JdbcWorkload {
    private PreparedStatement select;

    @Override
    public String name() {
        return "point-select";
    }

    @Override
    public String description() {
        return "point select by primary key (prepared)";
    }

    @Override
    protected void prepare() throws SQLException {
        data.ensureOrders();
        select = statement("SELECT id, customer_id, amount, note FROM orders WHERE id = ?");
    }

    @Override
    public void run(long i) throws SQLException {
        int id = (int) (i * 7919 % scale.orders());
        select.setInt(1, id);
        try (ResultSet rs = select.executeQuery()) {
            WrongAnswer.check("point select finds order " + id, 1, rs.next() ? 1 : 0);
            WrongAnswer.check("amount of order " + id, id % 1000, rs.getInt(3));
            rs.getString(4);
            WrongAnswer.check("second row for order " + id, 0, rs.next() ? 1 : 0);
        }
    }
}
