package io.recall.flyway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.recall.driver.RecallDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

// Given a DataSource instead of a URL, Flyway finds the plugin by the product name "Recall".
class FlywayDataSourceTest {

    @Test
    void migratesThroughAHikariPool() throws Exception {
        try (RecallTestDb db = new RecallTestDb()) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(db.url);
            config.setUsername(RecallTestDb.USER);
            config.setPassword(RecallTestDb.PASSWORD);
            config.setMaximumPoolSize(3);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                migrateTwice(pool, db);
            }
        }
    }

    @Test
    void migratesThroughRecallsOwnDataSource() throws Exception {
        try (RecallTestDb db = new RecallTestDb()) {
            RecallDataSource dataSource = new RecallDataSource();
            dataSource.setUrl(db.url);
            migrateTwice(dataSource, db);
        }
    }

    private static void migrateTwice(DataSource dataSource, RecallTestDb db) throws Exception {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:flyway/pooled").load();
        assertEquals(2, flyway.migrate().migrationsExecuted);
        assertEquals(0, flyway.migrate().migrationsExecuted);
        flyway.validate();
        assertEquals(List.of("pooled"), db.rows("SELECT * FROM item_names"));
        assertEquals(List.of(
                "1 | create items | SQL | SUCCESS",
                "- | item names | SQL | SUCCESS"), RecallTestDb.describe(flyway.info().all()));
    }
}
