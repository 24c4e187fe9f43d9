package io.recall.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Single-row INSERT in auto-commit; the table starts empty again after each round. */
final class SingleInsert extends JdbcWorkload {
    static final String DDL = "CREATE TABLE bench_insert (id BIGINT PRIMARY KEY, customer_id INT, amount INT,"
            + " note VARCHAR(40))";
    private PreparedStatement insert;

    @Override
    public String name() {
        return "insert";
    }

    @Override
    public String description() {
        return "single-row insert (auto-commit)";
    }

    @Override
    protected void prepare() throws SQLException {
        data.recreate("bench_insert", DDL);
        insert = statement("INSERT INTO bench_insert VALUES (?, ?, ?, ?)");
    }

    @Override
    public void run(long i) throws SQLException {
        insert.setLong(1, i);
        insert.setInt(2, (int) (i % 10_000));
        insert.setInt(3, (int) (i % 1000));
        insert.setString(4, "inserted " + i);
        expectUpdate(insert, "insert");
    }

    @Override
    public void afterRound() throws SQLException {
        tearDown();
        prepare();
    }
}
