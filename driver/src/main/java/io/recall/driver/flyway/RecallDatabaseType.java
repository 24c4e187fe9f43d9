package io.recall.driver.flyway;

import io.recall.driver.RecallDriver;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.base.BaseDatabaseType;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;

import java.sql.Connection;
import java.sql.Types;

/**
 * Recall's Flyway database plugin, found by Flyway's ServiceLoader through
 * META-INF/services/org.flywaydb.core.extensibility.Plugin. Flyway picks it for a {@code jdbc:recall:} URL
 * and, when it is handed a DataSource, for the product name {@code Recall}. Nothing else in the driver
 * refers to this package, so the driver loads and runs without Flyway on the classpath.
 */
public final class RecallDatabaseType extends BaseDatabaseType {
    static final String PRODUCT_NAME = "Recall";
    private static final String URL_PREFIX = "jdbc:recall:";

    @Override
    public String getName() {
        return PRODUCT_NAME;
    }

    /** The JDBC type Flyway binds a NULL with (a repeatable migration's version is a NULL VARCHAR). */
    @Override
    public int getNullType() {
        return Types.VARCHAR;
    }

    @Override
    public boolean handlesJDBCUrl(String url) {
        return url.startsWith(URL_PREFIX);
    }

    @Override
    public String getDriverClass(String url, ClassLoader classLoader) {
        return RecallDriver.class.getName();
    }

    /** Flyway passes the product name with the version appended: {@code "Recall 0.1"}. */
    @Override
    public boolean handlesDatabaseProductNameAndVersion(String databaseProductName, String databaseProductVersion,
                                                        Connection connection) {
        return databaseProductName.equals(PRODUCT_NAME) || databaseProductName.startsWith(PRODUCT_NAME + " ");
    }

    @Override
    public Database createDatabase(Configuration configuration, JdbcConnectionFactory jdbcConnectionFactory,
                                   StatementInterceptor statementInterceptor) {
        return new RecallDatabase(configuration, jdbcConnectionFactory, statementInterceptor);
    }

    @Override
    public Parser createParser(Configuration configuration, ResourceProvider resourceProvider,
                               ParsingContext parsingContext) {
        return new RecallParser(configuration, parsingContext);
    }
}
