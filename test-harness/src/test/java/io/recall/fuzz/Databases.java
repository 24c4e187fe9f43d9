package io.recall.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One schema loaded four ways: H2 in memory; a Recall database of {@code set} tables read by a plain
 * connection, by a connection with {@code SET FORCE_SCAN TRUE} (no index or key access) and by a connection
 * inside a transaction that has rewritten every row (so reads merge its own writes with the committed state);
 * and a Recall database whose keyed tables are {@code ordered_set}.
 *
 * <p>H2 runs in its default mode: Recall follows H2's defaults where PostgreSQL and H2 differ (NULLs sort
 * first, integer division truncates, text compares by code point), and no compatibility mode fits better.
 */
final class Databases implements AutoCloseable {
    final FuzzSchema schema;
    final Connection h2;
    final Connection recall;
    final Connection recallScan;
    final Connection recallTx;
    final Connection recallOrdered;

    private Databases(FuzzSchema schema, Connection h2, Connection recall, Connection recallScan, Connection recallTx,
                      Connection recallOrdered) {
        this.schema = schema;
        this.h2 = h2;
        this.recall = recall;
        this.recallScan = recallScan;
        this.recallTx = recallTx;
        this.recallOrdered = recallOrdered;
    }

    /** Creates and fills the databases; a statement Recall refuses is an SQLException naming it. */
    static Databases open(FuzzSchema schema) throws SQLException {
        String name = "fz" + UUID.randomUUID().toString().replace("-", "");
        Connection h2 = DriverManager.getConnection("jdbc:h2:mem:" + name);
        String url = "jdbc:recall:mem:" + name;
        Connection recall = DriverManager.getConnection(url);
        Connection ordered = DriverManager.getConnection("jdbc:recall:mem:o" + name + ";type=ordered_set");
        Databases db = new Databases(schema, h2, recall, DriverManager.getConnection(url), DriverManager.getConnection(url), ordered);
        try {
            for (String sql : schema.statements("")) {
                exec(h2, sql);
                exec(recall, sql);
                exec(ordered, sql);
            }
            exec(db.recallScan, "SET FORCE_SCAN TRUE");
            db.startRewritingTransaction();
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * Opens the transaction of {@link #recallTx}: every row of every table updated to itself, and the rows
     * of the first non-empty table deleted and inserted again. Its reads must still see exactly the data.
     */
    private void startRewritingTransaction() throws SQLException {
        recallTx.setAutoCommit(false);
        boolean reinserted = false;
        for (FuzzSchema.Table t : schema.tables()) {
            if (!reinserted && !t.rows().isEmpty()) {
                exec(recallTx, "DELETE FROM " + t.name());
                exec(recallTx, FuzzSchema.insert(t, t.rows()));
                reinserted = true;
            } else {
                String c = t.columns().get(t.columns().size() - 1).name();
                exec(recallTx, "UPDATE " + t.name() + " SET " + c + " = " + c);
            }
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + " [in: " + sql + "]", e.getSQLState(), e);
        }
    }

    @Override
    public void close() {
        for (Connection c : new Connection[]{recallTx, recallScan, recallOrdered, recall, h2}) {
            try {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                c.close();
            } catch (SQLException ignored) {
                // closing is best effort: the databases are in memory and dropped with their last connection
            }
        }
    }
}
