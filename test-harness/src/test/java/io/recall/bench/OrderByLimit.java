package io.recall.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** ORDER BY the indexed created column, LIMIT 10 OFFSET 100, from a varying lower bound. */
final class OrderByLimit extends JdbcWorkload {
    private PreparedStatement select;

    @Override
    public String name() {
        return "order-limit";
    }

    @Override
    public String description() {
        return "ORDER BY an indexed column LIMIT 10 OFFSET 100";
    }

    @Override
    protected void prepare() throws SQLException {
        data.ensureOrders();
        select = statement("SELECT id, created FROM orders WHERE created >= ? ORDER BY created LIMIT 10 OFFSET 100");
    }

    @Override
    public void run(long i) throws SQLException {
        int from = (int) (i % 1000);
        select.setInt(1, from);
        long rows = 0;
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                WrongAnswer.check("created of row " + rows + " from " + from, from + 100 + rows, rs.getInt(2));
                rs.getInt(1);
                rows++;
            }
        }
        WrongAnswer.check("rows", 10, rows);
    }
}
