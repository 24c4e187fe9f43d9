package io.recall.driver.flyway;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;

/**
 * What Flyway needs to know about Recall as a whole: its booleans, that DDL is not transactional, and the
 * schema history table's SQL ({@link SchemaHistorySql}).
 */
final class RecallDatabase extends Database<RecallConnection> {
    RecallDatabase(Configuration configuration, JdbcConnectionFactory jdbcConnectionFactory,
                   StatementInterceptor statementInterceptor) {
        super(configuration, jdbcConnectionFactory, statementInterceptor);
    }

    @Override
    protected RecallConnection doGetConnection(java.sql.Connection connection) {
        return new RecallConnection(this, connection);
    }

    /** Nothing to refuse: the plugin ships inside the driver, so it always meets the Recall it was built with. */
    @Override
    public void ensureSupported(Configuration configuration) {
    }

    /**
     * DDL commits the open transaction first (as in H2), so a failed migration's DDL stays. Flyway then
     * records the failure in the history table instead of claiming a rollback, and {@code repair} removes it.
     */
    @Override
    public boolean supportsDdlTransactions() {
        return false;
    }

    @Override
    public String getBooleanTrue() {
        return "TRUE";
    }

    @Override
    public String getBooleanFalse() {
        return "FALSE";
    }

    @Override
    public boolean catalogIsSchema() {
        return false;
    }

    @Override
    public String getRawCreateScript(Table table, boolean baseline) {
        return new SchemaHistorySql(this, table).createScript(baseline ? getBaselineStatement(table) : null);
    }

    @Override
    public String getSelectStatement(Table table) {
        return new SchemaHistorySql(this, table).selectAfterRank();
    }
}
