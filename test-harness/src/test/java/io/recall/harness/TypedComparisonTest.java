package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;

// Proves WHERE and ORDER BY compare values of every column type correctly, with literals and parameters.
class TypedComparisonTest {
    private static final UUID U1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID U2 = UUID.fromString("ffffffff-0000-0000-0000-000000000002");

    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
        exec(conn, "CREATE TABLE ev (id INT PRIMARY KEY, d DATE, ts TIMESTAMP, price DECIMAL(8,2), big BIGINT,"
                        + " ratio DOUBLE, flag BOOLEAN, tag UUID, label VARCHAR(20))",
                "INSERT INTO ev VALUES"
                        + " (1, DATE '2024-01-15', TIMESTAMP '2024-01-15 10:00:00', 2.50, 10000000000, 0.5, TRUE,"
                        + " '" + U1 + "', 'alpha'),"
                        + " (2, DATE '2023-12-31', TIMESTAMP '2023-12-31 23:59:59', 10.00, 5, 1.5, FALSE,"
                        + " '" + U2 + "', 'beta'),"
                        + " (3, DATE '2024-06-01', TIMESTAMP '2024-06-01 00:00:00', 0.99, -7, -2.0, NULL, NULL, NULL)");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private List<Long> ids(String where) throws SQLException {
        return longs(conn, "SELECT id FROM ev WHERE " + where + " ORDER BY id");
    }

    private List<Long> ids(String where, Object param) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM ev WHERE " + where + " ORDER BY id")) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    @Test
    void dates() throws SQLException {
        assertEquals(List.of(1L, 3L), ids("d > DATE '2024-01-01'"));
        assertEquals(List.of(2L), ids("d < ?", Date.valueOf("2024-01-01")));
        assertEquals(List.of(1L), ids("d = ?", LocalDate.of(2024, 1, 15)));
        assertEquals(List.of(2L, 1L, 3L), longs(conn, "SELECT id FROM ev ORDER BY d"));
    }

    @Test
    void timestamps() throws SQLException {
        assertEquals(List.of(3L), ids("ts >= TIMESTAMP '2024-06-01 00:00:00'"));
        assertEquals(List.of(1L), ids("ts = ?", Timestamp.valueOf("2024-01-15 10:00:00")));
        assertEquals(List.of(1L, 3L), ids("ts > ?", LocalDateTime.of(2024, 1, 1, 0, 0)));
        assertEquals(List.of(3L, 1L, 2L), longs(conn, "SELECT id FROM ev ORDER BY ts DESC"));
    }

    @Test
    void decimalsCompareByValueNotScale() throws SQLException {
        assertEquals(List.of(1L), ids("price = 2.5"));
        assertEquals(List.of(1L), ids("price = ?", new BigDecimal("2.500")));
        assertEquals(List.of(1L, 2L), ids("price > 1"));
        assertEquals(List.of(3L), ids("price < ?", 1));
        assertEquals(List.of(3L, 1L, 2L), longs(conn, "SELECT id FROM ev ORDER BY price"));
    }

    @Test
    void mixedIntegerWidthsAndDoubles() throws SQLException {
        assertEquals(List.of(1L), ids("big > 2147483647"));
        assertEquals(List.of(2L), ids("big = ?", 5));
        assertEquals(List.of(3L), ids("big < ?", 0L));
        assertEquals(List.of(2L), ids("ratio > 1"));
        assertEquals(List.of(1L), ids("ratio = 0.5"));
        assertEquals(List.of(3L, 1L, 2L), longs(conn, "SELECT id FROM ev ORDER BY ratio"));
        assertEquals(List.of(3L, 2L, 1L), longs(conn, "SELECT id FROM ev ORDER BY big"));
    }

    @Test
    void booleans() throws SQLException {
        assertEquals(List.of(1L), ids("flag"));
        assertEquals(List.of(2L), ids("NOT flag"));
        assertEquals(List.of(1L), ids("flag = TRUE"));
        assertEquals(List.of(2L), ids("flag = ?", false));
        assertEquals(List.of(3L), ids("flag IS NULL"));
    }

    @Test
    void uuids() throws SQLException {
        assertEquals(List.of(1L), ids("tag = ?", U1));
        assertEquals(List.of(2L), ids("tag = '" + U2 + "'"));
        assertEquals(List.of(1L, 2L), ids("tag IS NOT NULL"));
    }

    @Test
    void stringsWithParameters() throws SQLException {
        assertEquals(List.of(2L), ids("label LIKE ?", "b%"));
        assertEquals(List.of(1L), ids("label = ?", "alpha"));
        assertEquals(List.of(1L, 2L), ids("label < ?", "c"));
        assertEquals(List.of(2L, 1L), longs(conn, "SELECT id FROM ev WHERE label IS NOT NULL ORDER BY label DESC"));
    }
}
