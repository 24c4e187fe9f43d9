package io.recall.driver;

import java.io.PrintWriter;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A JavaBean DataSource for {@code jdbc:recall:} URLs, so pools and frameworks that configure a
 * DataSource class by reflection (HikariCP's {@code dataSourceClassName}) can use Recall: set
 * {@code url} (or {@code URL}), {@code user}, {@code password} and, for JAVA_OBJECT columns, {@code javaClasses}
 * (the {@code java_classes} property), then call getConnection.
 */
public class RecallDataSource implements DataSource, Serializable {
    private static final long serialVersionUID = 1L;

    private String url;
    private String user;
    private String password;
    private String javaClasses;
    private int loginTimeout;
    private transient PrintWriter logWriter;

    public RecallDataSource() {
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getURL() {
        return url;
    }

    public void setURL(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    /** Classes whose objects connections may store in JAVA_OBJECT columns: names separated by commas. */
    public String getJavaClasses() {
        return javaClasses;
    }

    public void setJavaClasses(String javaClasses) {
        this.javaClasses = javaClasses;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        if (url == null) {
            throw SqlExceptions.create("RecallDataSource has no url", SqlExceptions.CONNECTION_FAILED);
        }
        Properties info = new Properties();
        if (username != null) {
            info.setProperty("user", username);
        }
        if (pass != null) {
            info.setProperty("password", pass);
        }
        if (javaClasses != null) {
            info.setProperty("java_classes", javaClasses);
        }
        Connection connection = new RecallDriver().connect(url, info);
        if (connection == null) {
            throw SqlExceptions.create("Not a Recall URL: " + url, SqlExceptions.CONNECTION_FAILED);
        }
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /** Stored and reported; opening an in-memory database does not wait on anything it could time out. */
    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw SqlExceptions.notSupported("getParentLogger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (isWrapperFor(iface)) {
            return iface.cast(this);
        }
        throw SqlExceptions.invalidArgument("Not a wrapper for " + (iface == null ? "null" : iface.getName()));
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }
}
