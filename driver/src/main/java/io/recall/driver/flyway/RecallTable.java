package io.recall.driver.flyway;

import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.jdbc.JdbcTemplate;

import java.sql.SQLException;

/**
 * A Recall table as Flyway sees it; in practice the schema history table, and each table {@code clean}
 * drops. The lock is {@code SELECT ... FOR UPDATE} inside the transaction Flyway opens around it: it
 * holds every row's lock, the history table's lock row included ({@link SchemaHistorySql}), until commit.
 */
final class RecallTable extends Table<RecallDatabase, RecallSchema> {
    RecallTable(JdbcTemplate jdbcTemplate, RecallDatabase database, RecallSchema schema, String name) {
        super(jdbcTemplate, database, schema, name);
    }

    @Override
    protected boolean doExists() throws SQLException {
        return !schema.contents().names(SchemaContents.TABLE, name).isEmpty();
    }

    /**
     * Locks every row. A migrator that finds the history table just created by another one may find it
     * still without its lock row (the creator's DDL commits before its INSERT of that row), and locking
     * nothing would let both migrate: so an empty table is locked again until a row appears, for at most
     * {@link #LOCK_ROW_WAIT_MILLIS}.
     */
    @Override
    protected void doLock() throws SQLException {
        long deadline = System.nanoTime() + LOCK_ROW_WAIT_MILLIS * 1_000_000L;
        while (jdbcTemplate.queryForStringList("SELECT * FROM " + this + " FOR UPDATE").isEmpty()
                && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting for the lock row of " + this, "57014", e);
            }
        }
    }

    private static final long LOCK_ROW_WAIT_MILLIS = 10_000;

    @Override
    protected void doDrop() throws SQLException {
        jdbcTemplate.execute("DROP TABLE " + this + " CASCADE");
    }
}
