package io.recall.driver;

import io.recall.engine.Session;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The entry point for {@code jdbc:recall:} URLs (see {@link ConnectionUrl} for the form and the
 * settings). Registered through META-INF/services and, for class-loading setups that skip the
 * service loader, in a static block. {@code connect} answers null for anyone else's URL.
 */
public final class RecallDriver implements Driver {
    private static final RecallDriver INSTANCE = new RecallDriver();

    static {
        try {
            DriverManager.registerDriver(INSTANCE);
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (url == null) {
            throw SqlExceptions.create("URL is null", SqlExceptions.CONNECTION_FAILED);
        }
        if (!acceptsURL(url)) {
            return null;
        }
        ConnectionUrl parsed = ConnectionUrl.parse(url, info);
        JavaObjects javaObjects = JavaObjects.resolve(parsed.javaClasses());
        DatabaseRegistry.Lease lease = DatabaseRegistry.GLOBAL.acquire(parsed);
        try {
            Session session = lease.database().openSession(parsed.user());
            if (parsed.lockTimeoutGiven()) {
                session.setLockTimeoutMillis(parsed.lockTimeoutMillis());
            }
            return new RecallConnection(parsed, lease, session, javaObjects);
        } catch (RuntimeException | Error e) {
            try {
                lease.release();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            SQLException error = SqlExceptions.of(e, null);
            throw SqlExceptions.create("Cannot connect to " + url + ": " + error.getMessage(),
                    SqlExceptions.CONNECTION_FAILED, e);
        }
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        if (url == null) {
            throw SqlExceptions.create("URL is null", SqlExceptions.CONNECTION_FAILED);
        }
        return ConnectionUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        DriverPropertyInfo user = property("user", info, ConnectionUrl.DEFAULT_USER, "The session's user name");
        DriverPropertyInfo password = property("password", info, null, "Accepted; not checked yet");
        DriverPropertyInfo keep = property("keep", info, "false",
                "true: the in-memory database outlives its last connection");
        keep.choices = new String[] {"true", "false"};
        DriverPropertyInfo lockTimeout = property("lock_timeout", info, String.valueOf(
                ConnectionUrl.DEFAULT_LOCK_TIMEOUT), "Lock wait in milliseconds before SQLState 40001");
        return new DriverPropertyInfo[] {user, password, keep, lockTimeout};
    }

    private static DriverPropertyInfo property(String name, Properties info, String fallback, String description) {
        String value = info == null ? null : info.getProperty(name);
        DriverPropertyInfo p = new DriverPropertyInfo(name, value != null ? value : fallback);
        p.description = description;
        p.required = false;
        return p;
    }

    @Override
    public int getMajorVersion() {
        return RecallDatabaseMetaData.MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return RecallDatabaseMetaData.MINOR;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw SqlExceptions.notSupported("getParentLogger");
    }
}
