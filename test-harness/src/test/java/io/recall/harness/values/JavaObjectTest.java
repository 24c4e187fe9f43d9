package io.recall.harness.values;

import io.recall.driver.RecallDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static io.recall.harness.values.JsonTest.exec;
import static io.recall.harness.values.JsonTest.fails;
import static io.recall.harness.values.JsonTest.rows;
import static io.recall.harness.values.JsonTest.scalar;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves JAVA_OBJECT / OTHER columns: objects of classes the connection lists in java_classes round-trip through
// setObject/getObject (also on disc and through a backup), and nothing else is ever deserialised: an unlisted
// class is refused on write, and a stored or forged value of an unlisted class is refused on read without being
// instantiated.
class JavaObjectTest {
    @TempDir
    Path dir;

    /** An application value class. */
    public record Money(BigDecimal amount, String currency) implements Serializable {
    }

    /** A listed class with a serializable superclass and a JDK value inside. */
    public static class Shape implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        final UUID id = UUID.nameUUIDFromBytes(new byte[] {1});
    }

    public static final class Point extends Shape {
        @Serial
        private static final long serialVersionUID = 1L;
        final int x;
        final int[] path;

        public Point(int x, int... path) {
            this.x = x;
            this.path = path;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Point p && p.x == x && java.util.Arrays.equals(p.path, path) && p.id.equals(id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(x);
        }

        @Override
        public String toString() {
            return "Point " + x;
        }
    }

    /** Listed, but holding a HashMap, which is not. */
    public static final class Holder implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        final HashMap<String, String> map = new HashMap<>();
    }

    /** Stands for a gadget: reading one would run code. The tests prove that never happens unless listed. */
    public static final class Gadget implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        static volatile int instantiated;

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            instantiated++;
        }
    }

    private static final String LISTED = Money.class.getName() + ", " + Point.class.getName() + ","
            + Holder.class.getName();

    private static String url() {
        return "jdbc:recall:mem:o" + UUID.randomUUID().toString().replace("-", "") + ";keep=true";
    }

    private static void insert(Connection c, int id, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            ps.setInt(1, id);
            ps.setObject(2, value);
            ps.executeUpdate();
        }
    }

    private static Object read(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT o FROM t WHERE id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getObject(1);
            }
        }
    }

    private static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }

    @Test
    void listedObjectsRoundTrip() throws SQLException {
        try (Connection c = DriverManager.getConnection(url() + ";java_classes=" + LISTED)) {
            exec(c, "CREATE TABLE t (id INT PRIMARY KEY, o JAVA_OBJECT)", "CREATE TABLE u (id INT, p OTHER)");
            Money ten = new Money(new BigDecimal("10.50"), "EUR");
            insert(c, 1, ten);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                ps.setInt(1, 2);
                ps.setObject(2, new Point(3, 1, 2), Types.JAVA_OBJECT);
                ps.executeUpdate();
                ps.setInt(1, 3);
                ps.setNull(2, Types.JAVA_OBJECT);
                ps.executeUpdate();
            }
            assertEquals(ten, read(c, 1));
            assertEquals(new Point(3, 1, 2), read(c, 2));
            assertNull(read(c, 3));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, o FROM t WHERE o = ?")) {
                ps.setObject(1, new Money(new BigDecimal("10.50"), "EUR"));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(1, rs.getInt(1));
                    assertEquals(ten, rs.getObject(2, Money.class));
                    assertEquals(ten.toString(), rs.getString(2));
                    assertEquals(Types.JAVA_OBJECT, rs.getMetaData().getColumnType(2));
                    assertEquals("JAVA_OBJECT", rs.getMetaData().getColumnTypeName(2));
                    assertTrue(rs.getBytes(2).length > 0);
                    assertFalse(rs.next());
                }
            }
            exec(c, "INSERT INTO u SELECT id, o FROM t");
            assertEquals(3, rows(c, "SELECT * FROM u").size());
            assertEquals(2, rows(c, "SELECT DISTINCT o FROM t WHERE o IS NOT NULL").size());
            try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "U", "P")) {
                assertTrue(rs.next());
                assertEquals(Types.JAVA_OBJECT, rs.getInt("DATA_TYPE"));
                assertEquals("JAVA_OBJECT", rs.getString("TYPE_NAME"));
            }
            fails(c, "0A000", "SELECT id FROM t ORDER BY o");
            fails(c, "42883", "SELECT id FROM t WHERE o < o");
            fails(c, "0A000", "CREATE INDEX t_o ON t (o)");
            fails(c, "22018", "INSERT INTO t VALUES (9, 'text')");
            fails(c, "22018", "SELECT CAST(o AS VARCHAR(10)) FROM t");
        }
    }

    @Test
    void unlistedClassesAreRefusedOnWrite() throws SQLException {
        try (Connection c = DriverManager.getConnection(url() + ";java_classes=" + LISTED);
             Connection none = DriverManager.getConnection("jdbc:recall:mem:")) {
            exec(c, "CREATE TABLE t (id INT PRIMARY KEY, o JAVA_OBJECT)");
            exec(none, "CREATE TABLE t (id INT PRIMARY KEY, o JAVA_OBJECT)");
            int before = Gadget.instantiated;
            SQLException e = assertThrows(SQLException.class, () -> insert(c, 1, new Gadget()));
            assertEquals("22023", e.getSQLState());
            assertTrue(e.getMessage().contains(Gadget.class.getName()) && e.getMessage().contains("java_classes"),
                    e.getMessage());
            e = assertThrows(SQLException.class, () -> insert(c, 1, new Holder()));
            assertEquals("22023", e.getSQLState());
            assertTrue(e.getMessage().contains("java.util.HashMap"), e.getMessage());
            e = assertThrows(SQLException.class, () -> insert(none, 1, new Money(BigDecimal.ONE, "USD")));
            assertEquals("22023", e.getSQLState());
            assertEquals(0, rows(c, "SELECT * FROM t").size());
            assertEquals(before, Gadget.instantiated);
        }
    }

    @Test
    void storedOrForgedValuesOfUnlistedClassesAreRefusedOnReadWithoutInstantiation() throws Exception {
        String url = url();
        try (Connection writer = DriverManager.getConnection(url + ";java_classes=" + Gadget.class.getName());
             Connection reader = DriverManager.getConnection(url + ";java_classes=" + LISTED)) {
            exec(writer, "CREATE TABLE t (id INT PRIMARY KEY, o JAVA_OBJECT)");
            insert(writer, 1, new Gadget()); // legitimately stored by a connection that lists the class
            byte[] forged = serialize(new Gadget());
            exec(reader, "INSERT INTO t VALUES (2, CAST(X'" + HexFormat.of().formatHex(forged) + "' AS JAVA_OBJECT))");
            try (PreparedStatement ps = reader.prepareStatement("INSERT INTO t VALUES (3, ?)")) {
                ps.setBytes(1, forged); // a binary parameter into a JAVA_OBJECT column
                ps.executeUpdate();
            }
            int before = Gadget.instantiated;
            for (int id = 1; id <= 3; id++) {
                int row = id;
                SQLException e = assertThrows(SQLException.class, () -> read(reader, row));
                assertEquals("22023", e.getSQLState());
                assertTrue(e.getMessage().contains(Gadget.class.getName()), e.getMessage());
                try (PreparedStatement ps = reader.prepareStatement("SELECT o FROM t WHERE id = ?")) {
                    ps.setInt(1, row);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals("22023", assertThrows(SQLException.class, () -> rs.getString(1)).getSQLState());
                        assertEquals("22023", assertThrows(SQLException.class,
                                () -> rs.getObject(1, Object.class)).getSQLState());
                        assertArrayEquals(forged, rs.getBytes(1)); // the bytes are data, not an object
                    }
                }
            }
            assertEquals(before, Gadget.instantiated, "an unlisted class was instantiated");
            assertTrue(read(writer, 2) instanceof Gadget); // the listing connection reads what it may
            assertEquals(before + 1, Gadget.instantiated);
        }
    }

    @Test
    void theListIsCheckedWhenConnecting() {
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:recall:mem:;java_classes=com.acme.Missing"));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("com.acme.Missing"), e.getMessage());
        e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:recall:mem:;java_classes=java.lang.Thread"));
        assertEquals("08001", e.getSQLState());
    }

    @Test
    void objectsSurviveReopeningAndBackupAndTheDataSourceTakesTheList() throws SQLException {
        String url = "jdbc:recall:file:" + dir.resolve("db");
        Money m = new Money(new BigDecimal("-1.25"), "GBP");
        RecallDataSource ds = new RecallDataSource();
        ds.setUrl(url);
        ds.setJavaClasses(LISTED);
        try (Connection c = ds.getConnection()) {
            exec(c, "CREATE TABLE t (id INT PRIMARY KEY, o OTHER)");
            insert(c, 1, m);
            insert(c, 2, new Point(-4));
        }
        try (Connection c = ds.getConnection()) {
            assertEquals(m, read(c, 1));
            assertEquals(new Point(-4), read(c, 2));
            exec(c, "BACKUP TO '" + dir.resolve("b.backup") + "'");
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals("22023", assertThrows(SQLException.class, () -> read(c, 1)).getSQLState());
        }
        try (Connection c = DriverManager.getConnection("jdbc:recall:mem:;java_classes=" + Money.class.getName())) {
            exec(c, "RESTORE FROM '" + dir.resolve("b.backup") + "'");
            assertEquals(m, read(c, 1));
            assertEquals("22023", assertThrows(SQLException.class, () -> read(c, 2)).getSQLState());
            assertEquals(List.of(List.of(1)), rows(c, "SELECT id FROM t WHERE id = 1 AND o IS NOT NULL"));
            assertEquals(0L, scalar(c, "SELECT COUNT(*) FROM t WHERE o IS NULL"));
        }
    }
}
