package io.recall.driver.flyway;

import org.flywaydb.core.internal.database.base.Schema;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.jdbc.JdbcTemplate;

import java.sql.SQLException;
import java.util.List;

/**
 * A Recall schema as Flyway sees it. Existence and contents come from DatabaseMetaData; changes are SQL.
 * {@code clean} drops the views, then the tables with CASCADE, which also drops the foreign keys that point
 * at them, so the order among tables does not matter; a table's indexes, constraints and identity sequences
 * go with it (Recall has no other sequences).
 */
final class RecallSchema extends Schema<RecallDatabase, RecallTable> {
    RecallSchema(JdbcTemplate jdbcTemplate, RecallDatabase database, String name) {
        super(jdbcTemplate, database, name);
    }

    SchemaContents contents() throws SQLException {
        return new SchemaContents(jdbcTemplate.getConnection().getMetaData(), name);
    }

    @Override
    protected boolean doExists() throws SQLException {
        return contents().schemaExists();
    }

    @Override
    protected boolean doEmpty() throws SQLException {
        SchemaContents contents = contents();
        return contents.names(SchemaContents.TABLE, null).isEmpty() && contents.names(SchemaContents.VIEW, null).isEmpty();
    }

    @Override
    protected void doCreate() throws SQLException {
        jdbcTemplate.execute("CREATE SCHEMA " + database.quote(name));
    }

    @Override
    protected void doDrop() throws SQLException {
        jdbcTemplate.execute("DROP SCHEMA " + database.quote(name) + " CASCADE");
    }

    @Override
    protected void doClean() throws SQLException {
        for (String view : contents().names(SchemaContents.VIEW, null)) {
            jdbcTemplate.execute("DROP VIEW " + database.quote(name, view));
        }
        for (RecallTable table : doAllTables()) {
            table.drop();
        }
    }

    @Override
    protected RecallTable[] doAllTables() throws SQLException {
        List<String> names = contents().names(SchemaContents.TABLE, null);
        RecallTable[] tables = new RecallTable[names.size()];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = new RecallTable(jdbcTemplate, database, this, names.get(i));
        }
        return tables;
    }

    @Override
    public Table getTable(String tableName) {
        return new RecallTable(jdbcTemplate, database, this, tableName);
    }
}
