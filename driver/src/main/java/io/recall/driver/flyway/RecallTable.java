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

    @Override
    protected void doLock() throws SQLException {
        jdbcTemplate.execute("SELECT * FROM " + this + " FOR UPDATE");
    }

    @Override
    protected void doDrop() throws SQLException {
        jdbcTemplate.execute("DROP TABLE " + this + " CASCADE");
    }
}
