package io.recall.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.recall.driver.RecallConnection;
import io.recall.driver.StoredEntry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A small blog on Recall, as an application would run it: a HikariCP pool, the schema migrated by Flyway
 * (src/main/resources/db/blog), then inserts with generated keys, the stored cache entries beside the same rows
 * read through JDBC, queries and their EXPLAIN, a join with GROUP BY, a committed and a rolled-back transaction,
 * an optimistic-lock conflict and an SQLState.
 * Run with {@code mvn -q -B -pl test-harness exec:java}.
 */
public final class BlogDemo {
    public static final String URL = "jdbc:recall:mem:blog";

    private final PrintStream out;

    private BlogDemo(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws SQLException {
        new BlogDemo(System.out).run();
    }

    private void run() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setUsername("demo");
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            migrate(pool);
            try (Connection conn = pool.getConnection()) {
                out.println("Connected to " + URL + " (" + conn.getMetaData().getDatabaseProductName()
                        + ") through a HikariCP pool");
                tour(conn);
            }
        }
        out.println("Pool closed; the database is dropped with its last connection.");
    }

    private void migrate(HikariDataSource pool) {
        MigrateResult result = Flyway.configure().dataSource(pool).locations("classpath:db/blog").load().migrate();
        out.println("Flyway applied " + result.migrationsExecuted + " migrations, schema now at version "
                + result.targetSchemaVersion + ": tables AUTHORS, POSTS, COMMENTS");
    }

    private void tour(Connection conn) throws SQLException {
        long ada = addAuthor(conn, "Ada Lovelace", "ada@example.org");
        long alan = addAuthor(conn, "Alan Turing", "alan@example.org");
        long notes = addPost(conn, ada, "Notes on the Analytical Engine", "The engine weaves algebraic patterns.");
        addPost(conn, alan, "Computing Machinery and Intelligence", "Can machines think?");
        long halting = addPost(conn, alan, "On Computable Numbers", "A machine that reads a tape.");
        addComment(conn, notes, "Grace", "Loops are the future.");
        addComment(conn, notes, "Edsger", "Mind the goto.");
        addComment(conn, halting, "Kurt", "Some truths cannot be proven.");

        storageModel(conn);
        latestPosts(conn, 2);
        searchTitles(conn, "%Comput%");
        showPost(conn, notes);
        explain(conn, "SELECT id, title FROM posts WHERE author_id = 2");
        explain(conn, "SELECT c.commenter FROM posts p JOIN comments c ON c.post_id = p.id WHERE p.author_id = 1");
        authorReport(conn);
        committedTransaction(conn, ada);
        rolledBackTransaction(conn, alan);
        optimisticLock(conn, halting);
        duplicateKey(conn, ada);
    }

    /**
     * The storage model made concrete: a table is an Infinispan cache whose entries map the primary key to the row,
     * an Object[] in column order. The driver reads them raw (a Recall extension, reached through the pool's proxy
     * with unwrap); the same rows follow as JDBC reads them.
     */
    private void storageModel(Connection conn) throws SQLException {
        out.println("Stored entries of AUTHORS, raw from its Infinispan cache"
                + " (primary key -> the row as an Object[]):");
        for (StoredEntry entry : conn.unwrap(RecallConnection.class).storedEntries("authors", 10)) {
            out.println("  " + entry);
        }
        String query = "SELECT id, name, email, joined FROM authors ORDER BY id";
        out.println("The same rows through JDBC (" + query + "):");
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                out.println("  " + rs.getInt(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | "
                        + rs.getTimestamp(4));
            }
        }
    }

    private void explain(Connection conn, String query) throws SQLException {
        out.println("EXPLAIN " + query + ":");
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN " + query)) {
            while (rs.next()) {
                out.println("  " + rs.getString(1));
            }
        }
    }

    /** Two editors read the same version of a post; the second one's update finds the version changed. */
    private void optimisticLock(Connection conn, long postId) throws SQLException {
        int seen;
        try (PreparedStatement ps = conn.prepareStatement("SELECT version FROM posts WHERE id = ?")) {
            ps.setLong(1, postId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                seen = rs.getInt(1);
            }
        }
        String edit = "UPDATE posts SET title = ?, version = version + 1 WHERE id = ? AND version = ?";
        try (PreparedStatement ps = conn.prepareStatement(edit)) {
            ps.setString(1, "On Computable Numbers, with an Application");
            ps.setLong(2, postId);
            ps.setInt(3, seen);
            int first = ps.executeUpdate();
            ps.setString(1, "On Computable Numbers (second editor)");
            int second = ps.executeUpdate();
            out.println("Optimistic locking on post #" + postId + " (version " + seen + "): first editor updated "
                    + first + " row, second editor updated " + second + " rows and must reload");
        }
    }

    private static long insertReturningId(Connection conn, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    private long addAuthor(Connection conn, String name, String email) throws SQLException {
        long id = insertReturningId(conn, "INSERT INTO authors (name, email) VALUES (?, ?)", name, email);
        out.println("Inserted author #" + id + " " + name);
        return id;
    }

    private long addPost(Connection conn, long authorId, String title, String body) throws SQLException {
        long id = insertReturningId(conn, "INSERT INTO posts (author_id, title, body) VALUES (?, ?, ?)",
                (int) authorId, title, body);
        out.println("Inserted post #" + id + " \"" + title + "\"");
        return id;
    }

    private void addComment(Connection conn, long postId, String who, String body) throws SQLException {
        long id = insertReturningId(conn, "INSERT INTO comments (post_id, commenter, body) VALUES (?, ?, ?)",
                postId, who, body);
        out.println("Inserted comment #" + id + " by " + who + " on post #" + postId);
    }

    private void latestPosts(Connection conn, int n) throws SQLException {
        out.println("Latest " + n + " posts:");
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, title FROM posts ORDER BY id DESC LIMIT " + n);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.println("  #" + rs.getLong("id") + " " + rs.getString("title"));
            }
        }
    }

    private void searchTitles(Connection conn, String pattern) throws SQLException {
        out.println("Posts with title LIKE '" + pattern + "':");
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT id, title FROM posts WHERE title LIKE ? ORDER BY title")) {
            ps.setString(1, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.println("  #" + rs.getLong(1) + " " + rs.getString(2));
                }
            }
        }
    }

    private void showPost(Connection conn, long postId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT title, UPPER(body) AS shout, published FROM posts WHERE id = ?")) {
            ps.setLong(1, postId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    out.println("Post #" + postId + ": " + rs.getString("title") + " | " + rs.getString("shout")
                            + " | published " + rs.getTimestamp("published"));
                }
            }
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT commenter, body FROM comments WHERE post_id = ? ORDER BY id")) {
            ps.setLong(1, postId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.println("  comment by " + rs.getString(1) + ": " + rs.getString(2));
                }
            }
        }
    }

    /** One query joining all three tables and grouping per author. */
    private void authorReport(Connection conn) throws SQLException {
        out.println("Posts and comments per author:");
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT a.name, COUNT(DISTINCT p.id) AS posts, COUNT(c.id) AS comments"
                        + " FROM authors a JOIN posts p ON p.author_id = a.id"
                        + " LEFT JOIN comments c ON c.post_id = p.id"
                        + " GROUP BY a.name ORDER BY comments DESC, a.name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.println("  " + rs.getString("name") + ": " + rs.getInt("posts") + " posts, "
                        + rs.getInt("comments") + " comments");
            }
        }
    }

    private int postCount(Connection conn, long authorId) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM posts WHERE author_id = ?")) {
            ps.setInt(1, (int) authorId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
        }
        return n;
    }

    private void committedTransaction(Connection conn, long authorId) throws SQLException {
        conn.setAutoCommit(false);
        try {
            long post = addPost(conn, authorId, "Sketch of the Analytical Engine", "Translated, with notes.");
            addComment(conn, post, "Charles", "Splendid translation.");
            conn.commit();
        } finally {
            conn.setAutoCommit(true);
        }
        out.println("Committed transaction: author #" + authorId + " now has " + postCount(conn, authorId) + " posts");
    }

    private void rolledBackTransaction(Connection conn, long authorId) throws SQLException {
        int before = postCount(conn, authorId);
        conn.setAutoCommit(false);
        try {
            addPost(conn, authorId, "Draft that never ships", "TODO");
            out.println("Inside the transaction author #" + authorId + " has " + postCount(conn, authorId) + " posts");
            conn.rollback();
        } finally {
            conn.setAutoCommit(true);
        }
        boolean present;
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM posts WHERE title = ?")) {
            ps.setString(1, "Draft that never ships");
            try (ResultSet rs = ps.executeQuery()) {
                present = rs.next();
            }
        }
        out.println("Rolled back transaction: draft present = " + present + ", author #" + authorId + " has "
                + postCount(conn, authorId) + " posts (was " + before + ")");
    }

    private void duplicateKey(Connection conn, long existingAuthorId) {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO authors (id, name, email) VALUES (?, ?, ?)")) {
            ps.setInt(1, (int) existingAuthorId);
            ps.setString(2, "Impostor");
            ps.setString(3, "nobody@example.org");
            ps.executeUpdate();
            out.println("Duplicate key was NOT rejected (unexpected)");
        } catch (SQLException e) {
            out.println("Duplicate key rejected: SQLState " + e.getSQLState() + " (" + e.getMessage() + ")");
        }
    }
}
