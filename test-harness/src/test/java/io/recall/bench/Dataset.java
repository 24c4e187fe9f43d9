package io.recall.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of one benchmark database, created on first use. Read workloads share customers(10k) and
 * orders(100k) with their secondary indexes. Order {@code id}: customer_id = id % customers (10 orders each,
 * indexed), bucket = id * 37 % 100 (unindexed, 1% per value), grp = id % 100, amount = id % 1000, created =
 * id * 7919 % orders (a permutation, indexed). Customer {@code id}: region = id % (customers / 10) (indexed,
 * 10 each). Updates and transfers share accounts(10k).
 */
final class Dataset {
    private static final int LOAD_BATCH = 5_000;

    private final Connection c;
    private final Scale scale;
    private boolean orders;
    private boolean accounts;

    Dataset(Connection c, Scale scale) {
        this.c = c;
        this.scale = scale;
    }

    Connection connection() {
        return c;
    }

    Scale scale() {
        return scale;
    }

    void ensureOrders() throws SQLException {
        if (orders) {
            return;
        }
        exec("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40), region INT)",
                "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, bucket INT, grp INT, amount INT,"
                        + " created INT, note VARCHAR(40))");
        load("INSERT INTO customers VALUES (?, ?, ?)", scale.customers(), (ps, id) -> {
            ps.setInt(1, id);
            ps.setString(2, "customer " + id);
            ps.setInt(3, id % scale.regions());
        });
        load("INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?)", scale.orders(), (ps, id) -> {
            ps.setInt(1, id);
            ps.setInt(2, id % scale.customers());
            ps.setInt(3, id * 37 % 100);
            ps.setInt(4, id % 100);
            ps.setInt(5, id % 1000);
            ps.setInt(6, (int) ((long) id * 7919 % scale.orders()));
            ps.setString(7, "order note " + id);
        });
        exec("CREATE INDEX orders_customer ON orders (customer_id)",
                "CREATE INDEX orders_created ON orders (created)",
                "CREATE INDEX customers_region ON customers (region)");
        orders = true;
    }

    void ensureAccounts() throws SQLException {
        if (accounts) {
            return;
        }
        exec("CREATE TABLE accounts (id INT PRIMARY KEY, balance BIGINT, owner VARCHAR(40))");
        load("INSERT INTO accounts VALUES (?, ?, ?)", scale.accounts(), (ps, id) -> {
            ps.setInt(1, id);
            ps.setLong(2, 1_000_000L);
            ps.setString(3, "owner " + id);
        });
        accounts = true;
    }

    /** Drops {@code table} if it exists and creates it again from {@code ddl} (between rounds, untimed). */
    void recreate(String table, String ddl) throws SQLException {
        exec("DROP TABLE IF EXISTS " + table, ddl);
    }

    void exec(String... sqls) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : sqls) {
                st.execute(sql);
            }
        }
    }

    private interface RowBinder {
        void bind(PreparedStatement ps, int id) throws SQLException;
    }

    /** Inserts ids 0..count-1 in batches, one transaction per batch. */
    private void load(String sql, int count, RowBinder binder) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int id = 0; id < count; id++) {
                binder.bind(ps, id);
                ps.addBatch();
                if ((id + 1) % LOAD_BATCH == 0 || id == count - 1) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        } finally {
            c.setAutoCommit(true);
        }
    }
}
