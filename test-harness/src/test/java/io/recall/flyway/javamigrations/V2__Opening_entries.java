package io.recall.flyway.javamigrations;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;

// A Java migration, found by Flyway's classpath scan of this package.
public class V2__Opening_entries extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "INSERT INTO ledger (id, amount) VALUES (?, ?)")) {
            insert.setInt(1, 1);
            insert.setInt(2, 100);
            insert.executeUpdate();
            insert.setInt(1, 2);
            insert.setInt(2, -40);
            insert.executeUpdate();
        }
    }
}
