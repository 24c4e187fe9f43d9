package io.recall.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What the workloads share: the connection, the statements they prepared, and reading a result fully. */
abstract class JdbcWorkload implements Workload {
    private final List<PreparedStatement> statements = new ArrayList<>();
    protected Dataset data;
    protected Connection c;
    protected Scale scale;

    @Override
    public final void setUp(Dataset dataset) throws SQLException {
        data = dataset;
        c = dataset.connection();
        scale = dataset.scale();
        prepare();
    }

    /** Creates the tables the workload reads or writes and prepares its statements. */
    protected abstract void prepare() throws SQLException;

    protected PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        statements.add(ps);
        return ps;
    }

    @Override
    public void tearDown() throws SQLException {
        for (PreparedStatement ps : statements) {
            ps.close();
        }
        statements.clear();
    }

    /** Runs the query, reads every column of every row, and checks the row count. */
    protected static void expectRows(PreparedStatement ps, long expected, String what) throws SQLException {
        long rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
        }
        WrongAnswer.check(what + " rows", expected, rows);
    }

    protected static void expectUpdate(PreparedStatement ps, String what) throws SQLException {
        WrongAnswer.check(what + " update count", 1, ps.executeUpdate());
    }
}
