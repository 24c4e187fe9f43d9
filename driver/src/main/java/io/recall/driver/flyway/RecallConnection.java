package io.recall.driver.flyway;

import org.flywaydb.core.internal.database.base.Connection;
import org.flywaydb.core.internal.database.base.Schema;

import java.sql.SQLException;

/** One of Flyway's connections to Recall; the current schema is the JDBC connection's own. */
final class RecallConnection extends Connection<RecallDatabase> {
    RecallConnection(RecallDatabase database, java.sql.Connection connection) {
        super(database, connection);
    }

    // Called from the base constructor, so it may only use what the base class has set.
    @Override
    protected String getCurrentSchemaNameOrSearchPath() throws SQLException {
        return getJdbcConnection().getSchema();
    }

    @Override
    protected void doChangeCurrentSchemaOrSearchPathTo(String schema) throws SQLException {
        getJdbcConnection().setSchema(schema);
    }

    @Override
    public Schema getSchema(String name) {
        return new RecallSchema(jdbcTemplate, database, name);
    }
}
