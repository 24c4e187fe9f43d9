package io.recall.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** GROUP BY with COUNT and SUM over all orders (100 groups); the filter drops p% of one-thousandth. */
final class GroupBy extends JdbcWorkload {
    private PreparedStatement select;

    @Override
    public String name() {
        return "group-by";
    }

    @Override
    public String description() {
        return "GROUP BY with COUNT/SUM over 100k rows (100 groups)";
    }

    @Override
    protected void prepare() throws SQLException {
        data.ensureOrders();
        select = statement("SELECT grp, COUNT(*), SUM(amount) FROM orders WHERE amount >= ? GROUP BY grp");
    }

    @Override
    public void run(long i) throws SQLException {
        int least = (int) (i % 10);
        select.setInt(1, least);
        long groups = 0;
        long counted = 0;
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                groups++;
                counted += rs.getLong(2);
                rs.getLong(3);
            }
        }
        WrongAnswer.check("groups", 100, groups);
        WrongAnswer.check("rows counted with amount >= " + least,
                scale.orders() - (long) least * scale.rowsPerAmount(), counted);
    }
}
