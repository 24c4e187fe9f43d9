package io.recall.flyway;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A fresh in-memory Recall database for one Flyway test. It holds a connection open for the test's whole
 * life: Flyway closes its connections after each command, and a named in-memory database ends with its
 * last connection.
 */
final class RecallTestDb implements AutoCloseable {
    static final String USER = "sa";
    static final String PASSWORD = "";
    static final String HISTORY = "\"PUBLIC\".\"flyway_schema_history\"";

    final String url = "jdbc:recall:mem:flyway" + UUID.randomUUID().toString().replace("-", "");
    final Connection connection;

    RecallTestDb() throws SQLException {
        connection = DriverManager.getConnection(url, USER, PASSWORD);
    }

    /** Flyway on this database reading the given locations; nothing else is configured. */
    FluentConfiguration flyway(String... locations) {
        return Flyway.configure().dataSource(url, USER, PASSWORD).locations(locations);
    }

    void exec(String... sqls) throws SQLException {
        for (String sql : sqls) {
            try (Statement st = connection.createStatement()) {
                st.execute(sql);
            }
        }
    }

    /** Every row of a query, each as "a | b | c" of getString values. */
    List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(String.join(" | ", row));
            }
        }
        return out;
    }

    /** The history table as Flyway wrote it: rank | version | description | type | script | success. */
    List<String> history() throws SQLException {
        return rows("SELECT \"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"success\" FROM "
                + HISTORY + " ORDER BY \"installed_rank\"");
    }

    /** Names of the schema's objects of the given JDBC table types, sorted. */
    List<String> objects(String schema, String... types) throws SQLException {
        List<String> names = new ArrayList<>();
        DatabaseMetaData md = connection.getMetaData();
        try (ResultSet rs = md.getTables(null, schema, "%", types)) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        names.sort(null);
        return names;
    }

    /** Flyway's view of each migration: version (- for none: repeatable or synthetic) | description | type | state. */
    static List<String> describe(MigrationInfo[] infos) {
        return Arrays.stream(infos)
                .map(i -> (i.getVersion() == null ? "-" : i.getVersion().getVersion()) + " | " + i.getDescription()
                        + " | " + i.getType() + " | " + i.getState())
                .toList();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
