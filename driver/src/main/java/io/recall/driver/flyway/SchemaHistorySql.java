package io.recall.driver.flyway;

import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.database.base.Table;

/**
 * The SQL of Flyway's schema history table on Recall: an ordinary table with a primary key and an index.
 * <p>
 * Flyway serializes migrators with {@code SELECT * FROM <history> FOR UPDATE} ({@link RecallTable}), and
 * Recall's FOR UPDATE locks rows, so an empty history table would lock nothing and two migrators could
 * both apply the first migration. The table is therefore created with one lock row (rank -1, type
 * {@code TABLE}, as Flyway's H2 support does), which every migrator locks, and which the history query
 * leaves out.
 */
final class SchemaHistorySql {
    private static final String LOCK_ROW_TYPE = "TABLE";
    private static final String LOCK_ROW_DESCRIPTION = "<< Flyway Schema History table created >>";

    private final Database<?> database;
    private final Table table;

    SchemaHistorySql(Database<?> database, Table table) {
        this.database = database;
        this.table = table;
    }

    /** The script that creates the table, its lock row, the baseline row if one is given, and the index. */
    String createScript(String baselineInsert) {
        StringBuilder script = new StringBuilder();
        script.append("CREATE TABLE ").append(table).append(" (\n")
                .append("    ").append(q("installed_rank")).append(" INT NOT NULL PRIMARY KEY,\n")
                .append("    ").append(q("version")).append(" VARCHAR(50),\n")
                .append("    ").append(q("description")).append(" VARCHAR(200) NOT NULL,\n")
                .append("    ").append(q("type")).append(" VARCHAR(20) NOT NULL,\n")
                .append("    ").append(q("script")).append(" VARCHAR(1000) NOT NULL,\n")
                .append("    ").append(q("checksum")).append(" INT,\n")
                .append("    ").append(q("installed_by")).append(" VARCHAR(100) NOT NULL,\n")
                .append("    ").append(q("installed_on")).append(" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n")
                .append("    ").append(q("execution_time")).append(" INT NOT NULL,\n")
                .append("    ").append(q("success")).append(" BOOLEAN NOT NULL\n")
                .append(");\n");
        script.append(lockRowInsert()).append(";\n");
        if (baselineInsert != null) {
            script.append(baselineInsert).append(";\n");
        }
        script.append("CREATE INDEX ").append(database.quote(table.getSchema().getName(), table.getName() + "_s_idx"))
                .append(" ON ").append(table).append(" (").append(q("success")).append(");\n");
        return script.toString();
    }

    private String lockRowInsert() {
        return "INSERT INTO " + table + " (" + q("installed_rank") + ", " + q("version") + ", " + q("description")
                + ", " + q("type") + ", " + q("script") + ", " + q("checksum") + ", " + q("installed_by") + ", "
                + q("execution_time") + ", " + q("success") + ") VALUES (-1, NULL, " + literal(LOCK_ROW_DESCRIPTION)
                + ", " + literal(LOCK_ROW_TYPE) + ", '', NULL, " + literal(database.getInstalledBy()) + ", 0, "
                + database.getBooleanTrue() + ")";
    }

    /** Flyway's history query (its columns in its order, ranks after the one given) without the lock row. */
    String selectAfterRank() {
        return "SELECT " + q("installed_rank") + ", " + q("version") + ", " + q("description") + ", " + q("type")
                + ", " + q("script") + ", " + q("checksum") + ", " + q("installed_on") + ", " + q("installed_by")
                + ", " + q("execution_time") + ", " + q("success") + " FROM " + table
                + " WHERE " + q("type") + " <> " + literal(LOCK_ROW_TYPE) + " AND " + q("installed_rank") + " > ?"
                + " ORDER BY " + q("installed_rank");
    }

    private String q(String column) {
        return database.quote(column);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
