package io.recall.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** One operation inserts 10,000 rows with a JDBC batch in one transaction; the table is emptied each round. */
final class BatchInsert extends JdbcWorkload {
    private PreparedStatement insert;
    private long nextId;

    @Override
    public String name() {
        return "batch-insert";
    }

    @Override
    public String description() {
        return "10,000-row batch insert, one transaction (op = batch)";
    }

    @Override
    protected void prepare() throws SQLException {
        data.recreate("bench_batch", SingleInsert.DDL.replace("bench_insert", "bench_batch"));
        insert = statement("INSERT INTO bench_batch VALUES (?, ?, ?, ?)");
    }

    @Override
    public void run(long i) throws SQLException {
        c.setAutoCommit(false);
        try {
            for (int r = 0; r < scale.batch(); r++) {
                long id = nextId++;
                insert.setLong(1, id);
                insert.setInt(2, (int) (id % 10_000));
                insert.setInt(3, (int) (id % 1000));
                insert.setString(4, "batched " + id);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            c.commit();
            WrongAnswer.check("batch statements", scale.batch(), counts.length);
            for (int count : counts) {
                if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                    throw new WrongAnswer("batch insert: a row reported update count " + count);
                }
            }
        } finally {
            c.setAutoCommit(true);
        }
    }

    @Override
    public void afterRound() throws SQLException {
        tearDown();
        prepare();
    }
}
