package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.assertSqlState;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static io.recall.harness.Db.rows;
import static io.recall.harness.Db.scalar;
import static io.recall.harness.Db.strings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves every capability DatabaseMetaData claims: each true answer next to the JDBC work that needs it, each
// false answer next to Recall refusing that work with an SQLState (tools choose SQL by these answers).
class MetaDataCapabilitiesTest {
    private Connection conn;
    private DatabaseMetaData md;

    /** One boolean answer of DatabaseMetaData, what it must be, and the work that shows why. */
    record Claim(String method, Answer answer, boolean expected, Proof proof) {
        @Override
        public String toString() {
            return method + " is " + expected;
        }
    }

    interface Answer {
        boolean of(DatabaseMetaData md) throws SQLException;
    }

    interface Proof {
        void run(Connection conn) throws Exception;
    }

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
        exec(conn, "CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(20), grp INT)",
                "INSERT INTO item VALUES (1, 'a', NULL), (2, 'b_c', 10), (3, 'abc', 10)");
        md = conn.getMetaData();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private static Claim holds(String method, Answer answer, Proof proof) {
        return new Claim(method, answer, true, proof);
    }

    private static Claim denied(String method, Answer answer, Proof proof) {
        return new Claim(method, answer, false, proof);
    }

    private static Proof query(String sql, String expectedRows) {
        return c -> assertEquals(expectedRows, rows(c, sql).toString(), sql);
    }

    private static Proof refused(String sqlState, String sql) {
        return c -> assertFails(c, sqlState, sql);
    }

    private static Connection second(Connection conn) throws SQLException {
        return Db.open(conn.getMetaData().getURL());
    }

    static Stream<Claim> claims() {
        Proof ddlCommits = c -> {
            c.setAutoCommit(false);
            exec(c, "INSERT INTO item VALUES (4, 'd', 20)", "CREATE TABLE made_in_transaction (x INT)");
            c.rollback();
            assertEquals(List.of(4L), longs(c, "SELECT id FROM item WHERE id = 4"));
            assertEquals(List.of(), rows(c, "SELECT x FROM made_in_transaction"));
        };
        Proof noProcedures = c -> {
            assertFails(c, "0A000", "CALL refresh(1)");
            assertSqlState("0A000", () -> c.prepareCall("{call refresh(?)}"));
        };
        Proof noPrivileges = refused("0A000", "GRANT SELECT ON PUBLIC.item TO reader");
        Proof entryLevelMissing = refused("0A000", "CREATE VIEW tens AS SELECT * FROM item WHERE grp = 10 "
                + "WITH CHECK OPTION");
        Proof noConvert = refused("42883", "SELECT {fn CONVERT(grp, SQL_VARCHAR)} FROM item");
        Proof positioned = refused("42601", "UPDATE item SET grp = 0 WHERE CURRENT OF cursor1");
        Proof inventory = c -> exec(c, "CREATE SCHEMA inv", "CREATE TABLE inv.stock (sku INT PRIMARY KEY, qty INT)");
        return Stream.of(
                holds("allTablesAreSelectable", DatabaseMetaData::allTablesAreSelectable, c -> {
                    try (ResultSet tables = c.getMetaData().getTables(null, null, "%", null)) {
                        while (tables.next()) {
                            rows(c, "SELECT * FROM \"" + tables.getString("TABLE_SCHEM") + "\".\""
                                    + tables.getString("TABLE_NAME") + "\"");
                        }
                    }
                }),
                holds("allProceduresAreCallable (there are none)", DatabaseMetaData::allProceduresAreCallable,
                        c -> assertFalse(c.getMetaData().getProcedures(null, null, "%").next())),
                // usesLocalFiles / usesLocalFilePerTable: true on file databases only, see FileDatabaseTest
                holds("nullPlusNonNullIsNull", DatabaseMetaData::nullPlusNonNullIsNull, c -> {
                    assertNull(scalar(c, "SELECT grp + 1 FROM item WHERE id = 1"));
                    assertNull(scalar(c, "SELECT name || NULL FROM item WHERE id = 1"));
                }),
                holds("supportsAlterTableWithAddColumn", DatabaseMetaData::supportsAlterTableWithAddColumn, c -> {
                    exec(c, "ALTER TABLE item ADD COLUMN qty INT DEFAULT 7");
                    assertEquals(List.of(7L, 7L, 7L), longs(c, "SELECT qty FROM item"));
                }),
                holds("supportsAlterTableWithDropColumn", DatabaseMetaData::supportsAlterTableWithDropColumn, c -> {
                    exec(c, "ALTER TABLE item DROP COLUMN grp");
                    assertSqlState("42703", () -> scalar(c, "SELECT grp FROM item"));
                }),
                holds("supportsColumnAliasing", DatabaseMetaData::supportsColumnAliasing, c -> {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name AS n FROM item")) {
                        assertEquals("N", rs.getMetaData().getColumnLabel(1));
                    }
                }),
                denied("supportsConvert", DatabaseMetaData::supportsConvert, noConvert),
                denied("supportsConvert(INTEGER, VARCHAR)", m -> m.supportsConvert(Types.INTEGER, Types.VARCHAR),
                        noConvert),
                holds("supportsTableCorrelationNames", DatabaseMetaData::supportsTableCorrelationNames,
                        query("SELECT i.id FROM item i WHERE i.id = 2", "[[2]]")),
                denied("supportsDifferentTableCorrelationNames (a correlation name may be a table's name)",
                        DatabaseMetaData::supportsDifferentTableCorrelationNames, c -> {
                            exec(c, "CREATE TABLE tag (id INT)");
                            assertEquals("[[2]]", rows(c, "SELECT tag.id FROM item tag WHERE tag.id = 2").toString());
                        }),
                holds("supportsExpressionsInOrderBy", DatabaseMetaData::supportsExpressionsInOrderBy,
                        query("SELECT id FROM item ORDER BY LENGTH(name) DESC, id", "[[2], [3], [1]]")),
                holds("supportsOrderByUnrelated", DatabaseMetaData::supportsOrderByUnrelated,
                        query("SELECT name FROM item ORDER BY id DESC", "[[abc], [b_c], [a]]")),
                holds("supportsGroupBy", DatabaseMetaData::supportsGroupBy,
                        query("SELECT grp, COUNT(*) FROM item GROUP BY grp ORDER BY grp", "[[null, 1], [10, 2]]")),
                holds("supportsGroupByUnrelated", DatabaseMetaData::supportsGroupByUnrelated,
                        query("SELECT COUNT(*) FROM item GROUP BY grp ORDER BY 1", "[[1], [2]]")),
                holds("supportsGroupByBeyondSelect", DatabaseMetaData::supportsGroupByBeyondSelect,
                        query("SELECT grp, COUNT(*) FROM item GROUP BY grp, name ORDER BY grp",
                                "[[null, 1], [10, 1], [10, 1]]")),
                holds("supportsLikeEscapeClause", DatabaseMetaData::supportsLikeEscapeClause,
                        query("SELECT name FROM item WHERE name LIKE 'b!_%' ESCAPE '!'", "[[b_c]]")),
                denied("supportsMultipleResultSets", DatabaseMetaData::supportsMultipleResultSets,
                        refused("42601", "SELECT id FROM item; SELECT name FROM item")),
                holds("supportsMultipleTransactions", DatabaseMetaData::supportsMultipleTransactions, c -> {
                    try (Connection other = second(c)) {
                        c.setAutoCommit(false);
                        other.setAutoCommit(false);
                        exec(c, "UPDATE item SET grp = 1 WHERE id = 1");
                        exec(other, "UPDATE item SET grp = 2 WHERE id = 2");
                        c.commit();
                        other.commit();
                    }
                    assertEquals(List.of(1L, 2L), longs(c, "SELECT grp FROM item WHERE id < 3 ORDER BY id"));
                }),
                holds("supportsNonNullableColumns", DatabaseMetaData::supportsNonNullableColumns, c -> {
                    exec(c, "CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL)");
                    assertFails(c, "23502", "INSERT INTO person VALUES (1, NULL)");
                }),
                holds("supportsMinimumSQLGrammar", DatabaseMetaData::supportsMinimumSQLGrammar, c -> {
                    exec(c, "CREATE TABLE note (code CHAR(3), body VARCHAR(40))",
                            "INSERT INTO note VALUES ('abc', 'first'), ('xyz', 'second')",
                            "UPDATE note SET body = 'changed' WHERE code = 'abc'",
                            "DELETE FROM note WHERE code = 'xyz'");
                    assertEquals("[[abc, changed]]", rows(c, "SELECT code, body FROM note WHERE 1 + 1 > 1").toString());
                    exec(c, "DROP TABLE note");
                }),
                denied("supportsCoreSQLGrammar (no GRANT)", DatabaseMetaData::supportsCoreSQLGrammar, noPrivileges),
                denied("supportsExtendedSQLGrammar (no positioned UPDATE)", DatabaseMetaData::supportsExtendedSQLGrammar,
                        positioned),
                denied("supportsANSI92EntryLevelSQL (no WITH CHECK OPTION)",
                        DatabaseMetaData::supportsANSI92EntryLevelSQL, entryLevelMissing),
                denied("supportsANSI92IntermediateSQL", DatabaseMetaData::supportsANSI92IntermediateSQL,
                        entryLevelMissing),
                denied("supportsANSI92FullSQL", DatabaseMetaData::supportsANSI92FullSQL, entryLevelMissing),
                holds("supportsIntegrityEnhancementFacility", DatabaseMetaData::supportsIntegrityEnhancementFacility,
                        c -> {
                            exec(c, "CREATE TABLE line (id INT PRIMARY KEY, item_id INT REFERENCES item (id), "
                                    + "qty INT DEFAULT 1 CHECK (qty > 0), code VARCHAR(5) UNIQUE)",
                                    "INSERT INTO line (id, item_id, code) VALUES (1, 1, 'x')");
                            assertEquals(List.of(1L), longs(c, "SELECT qty FROM line"));
                            assertFails(c, "23505", "INSERT INTO line (id) VALUES (1)");
                            assertFails(c, "23505", "INSERT INTO line (id, code) VALUES (2, 'x')");
                            assertFails(c, "23503", "INSERT INTO line (id, item_id) VALUES (2, 99)");
                            assertFails(c, "23514", "INSERT INTO line (id, qty) VALUES (2, 0)");
                        }),
                holds("supportsOuterJoins", DatabaseMetaData::supportsOuterJoins,
                        query("SELECT a.id, b.id FROM item a LEFT JOIN item b ON b.id = a.grp / 5 ORDER BY a.id",
                                "[[1, null], [2, 2], [3, 2]]")),
                holds("supportsFullOuterJoins", DatabaseMetaData::supportsFullOuterJoins,
                        query("SELECT a.id, b.id FROM item a FULL JOIN item b ON a.id = b.id + 1 ORDER BY a.id, b.id",
                                "[[null, 3], [1, null], [2, 1], [3, 2]]")),
                holds("supportsLimitedOuterJoins", DatabaseMetaData::supportsLimitedOuterJoins,
                        query("SELECT a.id FROM item a RIGHT JOIN item b ON a.id = b.grp", "[[null], [null], [null]]")),
                holds("supportsSchemasInDataManipulation", DatabaseMetaData::supportsSchemasInDataManipulation, c -> {
                    inventory.run(c);
                    exec(c, "INSERT INTO inv.stock VALUES (1, 5), (2, 6)", "UPDATE inv.stock SET qty = 7 WHERE sku = 1",
                            "DELETE FROM inv.stock WHERE sku = 2");
                    assertEquals("[[1, 7]]", rows(c, "SELECT sku, inv.stock.qty FROM inv.stock").toString());
                }),
                holds("supportsSchemasInTableDefinitions", DatabaseMetaData::supportsSchemasInTableDefinitions, c -> {
                    inventory.run(c);
                    try (ResultSet rs = c.getMetaData().getTables(null, "INV", "STOCK", null)) {
                        assertTrue(rs.next());
                    }
                }),
                holds("supportsSchemasInIndexDefinitions", DatabaseMetaData::supportsSchemasInIndexDefinitions, c -> {
                    inventory.run(c);
                    exec(c, "CREATE INDEX inv.stock_qty ON inv.stock (qty)");
                    List<String> indexes = new ArrayList<>();
                    try (ResultSet rs = c.getMetaData().getIndexInfo(null, "INV", "STOCK", false, false)) {
                        while (rs.next()) {
                            indexes.add(rs.getString("INDEX_NAME"));
                        }
                    }
                    assertTrue(indexes.contains("STOCK_QTY"), indexes::toString);
                    exec(c, "DROP INDEX inv.stock_qty");
                }),
                denied("supportsSchemasInPrivilegeDefinitions", DatabaseMetaData::supportsSchemasInPrivilegeDefinitions,
                        noPrivileges),
                denied("supportsCatalogsInPrivilegeDefinitions",
                        DatabaseMetaData::supportsCatalogsInPrivilegeDefinitions, noPrivileges),
                denied("supportsCatalogsInDataManipulation", DatabaseMetaData::supportsCatalogsInDataManipulation,
                        c -> assertFails(c, "0A000", "SELECT * FROM " + c.getCatalog() + ".PUBLIC.item")),
                denied("supportsCatalogsInTableDefinitions", DatabaseMetaData::supportsCatalogsInTableDefinitions,
                        c -> assertFails(c, "0A000", "CREATE TABLE " + c.getCatalog() + ".PUBLIC.extra (x INT)")),
                denied("supportsCatalogsInIndexDefinitions", DatabaseMetaData::supportsCatalogsInIndexDefinitions,
                        c -> assertFails(c, "0A000", "CREATE INDEX item_grp ON " + c.getCatalog()
                                + ".PUBLIC.item (grp)")),
                denied("supportsStoredProcedures", DatabaseMetaData::supportsStoredProcedures, noProcedures),
                denied("supportsSchemasInProcedureCalls", DatabaseMetaData::supportsSchemasInProcedureCalls,
                        noProcedures),
                denied("supportsCatalogsInProcedureCalls", DatabaseMetaData::supportsCatalogsInProcedureCalls,
                        noProcedures),
                denied("supportsStoredFunctionsUsingCallSyntax",
                        DatabaseMetaData::supportsStoredFunctionsUsingCallSyntax, noProcedures),
                denied("supportsNamedParameters (of CallableStatement)", DatabaseMetaData::supportsNamedParameters,
                        noProcedures),
                denied("supportsMultipleOpenResults (of CallableStatement)",
                        DatabaseMetaData::supportsMultipleOpenResults, noProcedures),
                denied("supportsPositionedDelete", DatabaseMetaData::supportsPositionedDelete,
                        refused("42601", "DELETE FROM item WHERE CURRENT OF cursor1")),
                denied("supportsPositionedUpdate", DatabaseMetaData::supportsPositionedUpdate, positioned),
                holds("supportsSelectForUpdate", DatabaseMetaData::supportsSelectForUpdate, c -> {
                    c.setAutoCommit(false);
                    assertEquals("[[2]]", rows(c, "SELECT id FROM item WHERE id = 2 FOR UPDATE").toString());
                    try (Connection other = second(c)) {
                        exec(other, "SET LOCK_TIMEOUT 100");
                        assertFails(other, "40001", "UPDATE item SET grp = 0 WHERE id = 2");
                        exec(other, "UPDATE item SET grp = 0 WHERE id = 3");
                    }
                    c.rollback();
                }),
                holds("supportsSubqueriesInComparisons", DatabaseMetaData::supportsSubqueriesInComparisons,
                        query("SELECT id FROM item WHERE id = (SELECT MAX(id) FROM item)", "[[3]]")),
                holds("supportsSubqueriesInExists", DatabaseMetaData::supportsSubqueriesInExists,
                        query("SELECT id FROM item WHERE EXISTS (SELECT 1 FROM item WHERE grp = 10) ORDER BY id",
                                "[[1], [2], [3]]")),
                holds("supportsSubqueriesInIns", DatabaseMetaData::supportsSubqueriesInIns,
                        query("SELECT id FROM item WHERE id IN (SELECT grp / 5 FROM item)", "[[2]]")),
                holds("supportsSubqueriesInQuantifieds", DatabaseMetaData::supportsSubqueriesInQuantifieds,
                        query("SELECT id FROM item WHERE id >= ALL (SELECT id FROM item)", "[[3]]")),
                holds("supportsCorrelatedSubqueries", DatabaseMetaData::supportsCorrelatedSubqueries,
                        query("SELECT a.id FROM item a WHERE EXISTS (SELECT 1 FROM item b WHERE b.grp = a.grp "
                                + "AND b.id > a.id)", "[[2]]")),
                holds("supportsUnion", DatabaseMetaData::supportsUnion,
                        query("SELECT grp FROM item UNION SELECT grp FROM item ORDER BY 1", "[[null], [10]]")),
                holds("supportsUnionAll", DatabaseMetaData::supportsUnionAll,
                        query("SELECT grp FROM item WHERE id = 2 UNION ALL SELECT grp FROM item WHERE id = 3",
                                "[[10], [10]]")),
                holds("supportsOpenCursorsAcrossCommit", DatabaseMetaData::supportsOpenCursorsAcrossCommit,
                        c -> readsOnAfter(c, Connection::commit)),
                holds("supportsOpenCursorsAcrossRollback", DatabaseMetaData::supportsOpenCursorsAcrossRollback,
                        c -> readsOnAfter(c, Connection::rollback)),
                holds("supportsOpenStatementsAcrossCommit", DatabaseMetaData::supportsOpenStatementsAcrossCommit,
                        c -> runsAgainAfter(c, Connection::commit)),
                holds("supportsOpenStatementsAcrossRollback", DatabaseMetaData::supportsOpenStatementsAcrossRollback,
                        c -> runsAgainAfter(c, Connection::rollback)),
                holds("supportsTransactions", DatabaseMetaData::supportsTransactions, c -> {
                    c.setAutoCommit(false);
                    exec(c, "DELETE FROM item");
                    c.rollback();
                    assertEquals(List.of(1L, 2L, 3L), longs(c, "SELECT id FROM item ORDER BY id"));
                }),
                holds("dataDefinitionCausesTransactionCommit", DatabaseMetaData::dataDefinitionCausesTransactionCommit,
                        ddlCommits),
                denied("dataDefinitionIgnoredInTransactions", DatabaseMetaData::dataDefinitionIgnoredInTransactions,
                        ddlCommits),
                holds("supportsDataManipulationTransactionsOnly",
                        DatabaseMetaData::supportsDataManipulationTransactionsOnly, ddlCommits),
                denied("supportsDataDefinitionAndDataManipulationTransactions",
                        DatabaseMetaData::supportsDataDefinitionAndDataManipulationTransactions, ddlCommits),
                holds("supportsBatchUpdates", DatabaseMetaData::supportsBatchUpdates, c -> {
                    try (Statement s = c.createStatement()) {
                        s.addBatch("INSERT INTO item VALUES (4, 'd', 20)");
                        s.addBatch("UPDATE item SET grp = 20");
                        assertArrayEquals(new int[] {1, 4}, s.executeBatch());
                    }
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM item WHERE id = ?")) {
                        ps.setInt(1, 1);
                        ps.addBatch();
                        ps.setInt(1, 9);
                        ps.addBatch();
                        assertArrayEquals(new int[] {1, 0}, ps.executeBatch());
                    }
                }),
                holds("supportsSavepoints", DatabaseMetaData::supportsSavepoints, c -> {
                    exec(c, "CREATE TABLE kept (id INT PRIMARY KEY)");
                    c.setAutoCommit(false);
                    exec(c, "INSERT INTO kept VALUES (1)");
                    var savepoint = c.setSavepoint();
                    exec(c, "INSERT INTO kept VALUES (2)");
                    c.rollback(savepoint);
                    c.commit();
                    try (Statement s = c.createStatement()) {
                        assertEquals("[[1]]", Db.readAll(s.executeQuery("SELECT id FROM kept")).toString());
                    }
                }),
                holds("supportsGetGeneratedKeys", DatabaseMetaData::supportsGetGeneratedKeys, c -> {
                    exec(c, "CREATE TABLE ticket (id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note VARCHAR(9))");
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("INSERT INTO ticket (note) VALUES ('first')", Statement.RETURN_GENERATED_KEYS);
                        assertEquals("[[1]]", Db.readAll(s.getGeneratedKeys()).toString());
                    }
                }),
                denied("locatorsUpdateCopy (there are no LOB locators)", DatabaseMetaData::locatorsUpdateCopy, c -> {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM item")) {
                        rs.next();
                        assertSqlState("0A000", () -> rs.getClob(1));
                        assertSqlState("0A000", () -> rs.getBlob(1));
                    }
                }),
                denied("autoCommitFailureClosesAllResultSets", DatabaseMetaData::autoCommitFailureClosesAllResultSets,
                        c -> {
                            try (Statement s = c.createStatement();
                                 ResultSet rs = s.executeQuery("SELECT id FROM item ORDER BY id")) {
                                assertFails(c, "23505", "INSERT INTO item VALUES (1, 'again', NULL)");
                                assertTrue(rs.next());
                                assertEquals(1, rs.getInt(1));
                            }
                        }));
    }

    interface TransactionEnd {
        void apply(Connection conn) throws SQLException;
    }

    private static void readsOnAfter(Connection c, TransactionEnd end) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM item ORDER BY id")) {
            assertTrue(rs.next());
            end.apply(c);
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1));
        }
    }

    private static void runsAgainAfter(Connection c, TransactionEnd end) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM item WHERE id = ?")) {
            ps.setInt(1, 2);
            ps.executeQuery().close();
            end.apply(c);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("b_c", rs.getString(1));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("claims")
    void answerMatchesWhatRecallDoes(Claim claim) throws Exception {
        assertEquals(claim.expected(), claim.answer().of(md), claim.method());
        claim.proof().run(conn);
    }

    @Test
    void isolationLevelsAreTheOnesRecallKeeps() throws SQLException {
        assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_UNCOMMITTED));
        assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED));
        assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ));
        assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
        assertFalse(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE));
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, md.getDefaultTransactionIsolation());
        try (Connection other = second(conn)) {
            for (int level : new int[] {Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED}) {
                conn.setTransactionIsolation(level);
                conn.setAutoCommit(false);
                other.setAutoCommit(false);
                exec(other, "UPDATE item SET name = 'dirty' WHERE id = 2");
                assertEquals(List.of("b_c"), strings(conn, "SELECT name FROM item WHERE id = 2"));
                assertEquals(List.of("a", "b_c", "abc"), strings(conn, "SELECT name FROM item ORDER BY id"));
                other.rollback();
                conn.commit();
                conn.setAutoCommit(true);
            }
            assertSqlState("HY024", () -> conn.setTransactionIsolation(Connection.TRANSACTION_NONE));

            // REPEATABLE READ: the transaction's scans repeat though another commits meanwhile
            conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            conn.setAutoCommit(false);
            assertEquals(List.of("a", "b_c", "abc"), strings(conn, "SELECT name FROM item ORDER BY id"));
            other.setAutoCommit(true);
            exec(other, "UPDATE item SET name = 'changed' WHERE id = 2");
            assertEquals(List.of("a", "b_c", "abc"), strings(conn, "SELECT name FROM item ORDER BY id"));
            conn.rollback();
            assertEquals(List.of("a", "changed", "abc"), strings(conn, "SELECT name FROM item ORDER BY id"));
            conn.setAutoCommit(true);
            conn.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    @Test
    void nullsSortLow() throws SQLException {
        assertTrue(md.nullsAreSortedLow());
        assertFalse(md.nullsAreSortedHigh());
        assertFalse(md.nullsAreSortedAtStart());
        assertFalse(md.nullsAreSortedAtEnd());
        assertEquals(Arrays.asList(null, 10L, 10L), longs(conn, "SELECT grp FROM item ORDER BY grp"));
        assertEquals(Arrays.asList(10L, 10L, null), longs(conn, "SELECT grp FROM item ORDER BY grp DESC"));
    }

    @Test
    void unquotedNamesAreStoredUpperCaseQuotedOnesAsWritten() throws SQLException {
        assertFalse(md.supportsMixedCaseIdentifiers());
        assertTrue(md.storesUpperCaseIdentifiers());
        assertFalse(md.storesLowerCaseIdentifiers());
        assertFalse(md.storesMixedCaseIdentifiers());
        assertTrue(md.supportsMixedCaseQuotedIdentifiers());
        assertTrue(md.storesMixedCaseQuotedIdentifiers());
        assertFalse(md.storesUpperCaseQuotedIdentifiers());
        assertFalse(md.storesLowerCaseQuotedIdentifiers());
        assertEquals("\"", md.getIdentifierQuoteString());
        exec(conn, "CREATE TABLE orderLine (x INT)", "CREATE TABLE \"Mixed\" (x INT)", "CREATE TABLE \"MIXED\" (y INT)",
                "INSERT INTO \"Mixed\" VALUES (1)");
        assertEquals(List.of("ITEM", "MIXED", "Mixed", "ORDERLINE"), tableNames("%"));
        assertEquals(0, Db.count(conn, "SELECT * FROM ORDERLINE"));
        assertEquals(List.of(1L), longs(conn, "SELECT x FROM \"Mixed\""));
        assertFails(conn, "42703", "SELECT x FROM mixed");
    }

    @Test
    void searchStringEscapeMakesPatternCharactersLiteral() throws SQLException {
        assertEquals("\\", md.getSearchStringEscape());
        exec(conn, "CREATE TABLE a_b (x INT)", "CREATE TABLE axb (x INT)");
        String escape = md.getSearchStringEscape();
        assertEquals(List.of("A_B"), tableNames("A" + escape + "_B"));
        assertEquals(List.of("AXB", "A_B"), tableNames("A_B"));
    }

    @Test
    void resultSetsAreForwardOnlyReadOnlyAndHoldable() throws SQLException {
        for (int type : new int[] {ResultSet.TYPE_FORWARD_ONLY, ResultSet.TYPE_SCROLL_INSENSITIVE,
                ResultSet.TYPE_SCROLL_SENSITIVE}) {
            boolean forwardOnly = type == ResultSet.TYPE_FORWARD_ONLY;
            assertEquals(forwardOnly, md.supportsResultSetType(type));
            assertEquals(forwardOnly, md.supportsResultSetConcurrency(type, ResultSet.CONCUR_READ_ONLY));
            assertFalse(md.supportsResultSetConcurrency(type, ResultSet.CONCUR_UPDATABLE));
            for (Answer visible : List.<Answer>of(m -> m.ownUpdatesAreVisible(type), m -> m.ownDeletesAreVisible(type),
                    m -> m.ownInsertsAreVisible(type), m -> m.othersUpdatesAreVisible(type),
                    m -> m.othersDeletesAreVisible(type), m -> m.othersInsertsAreVisible(type),
                    m -> m.updatesAreDetected(type), m -> m.deletesAreDetected(type), m -> m.insertsAreDetected(type))) {
                assertFalse(visible.of(md));
            }
            conn.clearWarnings();
            try (Statement s = conn.createStatement(type, ResultSet.CONCUR_UPDATABLE)) {
                assertEquals(ResultSet.TYPE_FORWARD_ONLY, s.getResultSetType());
                assertEquals(ResultSet.CONCUR_READ_ONLY, s.getResultSetConcurrency());
                assertEquals("01000", conn.getWarnings().getSQLState());
                try (ResultSet rs = s.executeQuery("SELECT id, name FROM item ORDER BY id")) {
                    assertTrue(rs.next());
                    assertSqlState("0A000", rs::previous);
                    assertSqlState("0A000", () -> rs.absolute(3));
                    assertSqlState("0A000", () -> rs.updateString(2, "changed"));
                    assertSqlState("0A000", rs::deleteRow);
                    assertSqlState("0A000", rs::moveToInsertRow);
                    try (Connection other = second(conn)) {
                        exec(other, "UPDATE item SET name = 'other' WHERE id = 2", "DELETE FROM item WHERE id = 3");
                    }
                    assertTrue(rs.next());
                    assertEquals("b_c", rs.getString(2));
                    assertTrue(rs.next());
                }
            }
            exec(conn, "UPDATE item SET name = 'b_c' WHERE id = 2", "INSERT INTO item VALUES (3, 'abc', 10)");
        }
        assertTrue(md.supportsResultSetHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT));
        assertFalse(md.supportsResultSetHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT));
        assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, md.getResultSetHoldability());
        conn.clearWarnings();
        try (Statement s = conn.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                ResultSet.CLOSE_CURSORS_AT_COMMIT)) {
            assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, s.getResultSetHoldability());
            assertEquals("01000", conn.getWarnings().getSQLState());
        }
    }

    /** Recall knows no limit of these (0 is JDBC's "none or unknown"); a few are pushed well past common ones. */
    @Test
    void noLimitsAreClaimed() throws SQLException {
        List<Answer> unlimited = List.of(m -> m.getMaxBinaryLiteralLength() == 0, m -> m.getMaxCharLiteralLength() == 0,
                m -> m.getMaxColumnNameLength() == 0, m -> m.getMaxColumnsInGroupBy() == 0,
                m -> m.getMaxColumnsInIndex() == 0, m -> m.getMaxColumnsInOrderBy() == 0,
                m -> m.getMaxColumnsInSelect() == 0, m -> m.getMaxColumnsInTable() == 0, m -> m.getMaxConnections() == 0,
                m -> m.getMaxCursorNameLength() == 0, m -> m.getMaxIndexLength() == 0,
                m -> m.getMaxSchemaNameLength() == 0, m -> m.getMaxProcedureNameLength() == 0,
                m -> m.getMaxCatalogNameLength() == 0, m -> m.getMaxRowSize() == 0, m -> m.getMaxStatementLength() == 0,
                m -> m.getMaxStatements() == 0, m -> m.getMaxTableNameLength() == 0, m -> m.getMaxTablesInSelect() == 0,
                m -> m.getMaxUserNameLength() == 0);
        for (Answer zero : unlimited) {
            assertTrue(zero.of(md));
        }
        StringBuilder from = new StringBuilder("item t0");
        for (int i = 1; i < 40; i++) {
            from.append(" JOIN item t").append(i).append(" ON t").append(i).append(".id = t").append(i - 1).append(".id");
        }
        assertEquals(List.of(3L), longs(conn, "SELECT COUNT(*) FROM " + from));
        String longName = "N".repeat(500);
        StringBuilder columns = new StringBuilder(longName + " INT");
        for (int i = 0; i < 1200; i++) {
            columns.append(", c").append(i).append(" INT");
        }
        exec(conn, "CREATE TABLE " + longName + " (" + columns + ")", "INSERT INTO " + longName + " (" + longName
                + ") VALUES (1)");
        assertEquals(List.of(1L), longs(conn, "SELECT " + longName + " FROM " + longName));
        assertEquals(List.of(100_000L), longs(conn, "SELECT LENGTH('" + "x".repeat(100_000) + "')"));
    }

    @Test
    void extraNameCharactersWorkInUnquotedNames() throws SQLException {
        String extra = md.getExtraNameCharacters();
        assertFalse(extra.isEmpty());
        for (char ch : extra.toCharArray()) {
            String name = ch + "n" + ch + "1";
            exec(conn, "CREATE SCHEMA s" + name, "CREATE TABLE s" + name + ".t" + name + " (c" + name + " INT)",
                    "INSERT INTO s" + name + ".t" + name + " (c" + name + ") VALUES (1)");
            assertEquals(List.of(1L), longs(conn, "SELECT t" + name + ".c" + name + " AS a" + name + " FROM s" + name
                    + ".t" + name + " WHERE c" + name + " = 1 ORDER BY c" + name));
            assertEquals(List.of(("T" + name).toUpperCase()), tableNames("T" + name.toUpperCase()));
        }
    }

    /** A listed function, a call of it, and what the call's value must satisfy (SQL after the call). */
    record Call(String call, String satisfies) {
    }

    private static Map.Entry<String, Call> call(String function, String call, String satisfies) {
        return Map.entry(function, new Call(call, satisfies));
    }

    private static final Map<String, Call> CALLS = Map.ofEntries(
            call("ABS", "ABS(-2)", "= 2"),
            call("CEIL", "CEIL(1.2)", "= 2"),
            call("CEILING", "CEILING(-1.5)", "= -1"),
            call("FLOOR", "FLOOR(1.8)", "= 1"),
            call("MOD", "MOD(7, 3)", "= 1"),
            call("POWER", "POWER(2, 3)", "= 8"),
            call("RAND", "RAND()", "BETWEEN 0 AND 1"),
            call("RANDOM", "RANDOM()", "BETWEEN 0 AND 1"),
            call("ROUND", "ROUND(1.25, 1)", "= 1.3"),
            call("SIGN", "SIGN(-3)", "= -1"),
            call("SQRT", "SQRT(16)", "= 4"),
            call("CHARACTER_LENGTH", "CHARACTER_LENGTH('abc')", "= 3"),
            call("CHAR_LENGTH", "CHAR_LENGTH('abc')", "= 3"),
            call("CONCAT", "CONCAT('a', NULL, 'b')", "= 'ab'"),
            call("LCASE", "LCASE('AbC')", "= 'abc'"),
            call("LEFT", "LEFT('abc', 2)", "= 'ab'"),
            call("LENGTH", "LENGTH('abc')", "= 3"),
            call("LOWER", "LOWER('AbC')", "= 'abc'"),
            call("LTRIM", "LTRIM('  a ')", "= 'a '"),
            call("REPLACE", "REPLACE('abc', 'b', 'x')", "= 'axc'"),
            call("RIGHT", "RIGHT('abc', 2)", "= 'bc'"),
            call("RTRIM", "RTRIM(' a  ')", "= ' a'"),
            call("SUBSTRING", "SUBSTRING('abcd', 2, 2)", "= 'bc'"),
            call("TRIM", "TRIM('  a  ')", "= 'a'"),
            call("UCASE", "UCASE('AbC')", "= 'ABC'"),
            call("UPPER", "UPPER('AbC')", "= 'ABC'"),
            call("COALESCE", "COALESCE(NULL, 2)", "= 2"),
            call("GREATEST", "GREATEST(1, 3, 2)", "= 3"),
            call("IFNULL", "IFNULL(NULL, 2)", "= 2"),
            call("LEAST", "LEAST(2, 1, 3)", "= 1"),
            call("NULLIF", "NULLIF(1, 1)", "IS NULL"),
            call("RANDOM_UUID", "RANDOM_UUID()", "<> RANDOM_UUID()"),
            call("CURDATE", "CURDATE()", "= CURRENT_DATE"),
            call("CURTIME", "CURTIME()", "= CURRENT_TIME"),
            call("LOCALTIME", "LOCALTIME()", "= CURRENT_TIME"),
            call("LOCALTIMESTAMP", "LOCALTIMESTAMP()", "= LOCALTIMESTAMP"),
            call("NOW", "NOW()", "= CURRENT_TIMESTAMP"));

    @Test
    void everyListedFunctionEvaluatesPlainAndAsJdbcEscape() throws SQLException {
        List<String> listed = new ArrayList<>();
        for (String list : new String[] {md.getNumericFunctions(), md.getStringFunctions(), md.getSystemFunctions(),
                md.getTimeDateFunctions()}) {
            listed.addAll(Arrays.asList(list.split(",")));
        }
        assertEquals(new TreeSet<>(CALLS.keySet()), new TreeSet<>(listed));
        for (String function : listed) {
            Call c = CALLS.get(function);
            assertEquals(true, scalar(conn, "SELECT " + c.call() + " " + c.satisfies()), function);
            assertEquals(true, scalar(conn, "SELECT {fn " + c.call() + "} " + c.satisfies()), function + " as {fn}");
        }
    }

    @Test
    void everyListedKeywordMustBeQuotedAsAName() throws SQLException {
        exec(conn, "CREATE SCHEMA quoted");
        for (String word : md.getSQLKeywords().split(",")) {
            boolean refusedAsTable = fails("CREATE TABLE " + word + " (x INT)");
            boolean refusedAsColumn = fails("CREATE TABLE kw_" + word + " (" + word + " INT)");
            assertTrue(refusedAsTable || refusedAsColumn, word + " works as an unquoted name");
            String quoted = "\"" + word + "\"";
            exec(conn, "CREATE TABLE quoted." + quoted + " (" + quoted + " INT)",
                    "INSERT INTO quoted." + quoted + " (" + quoted + ") VALUES (1)");
            assertEquals(List.of(1L), longs(conn, "SELECT " + quoted + " FROM quoted." + quoted), word);
        }
    }

    private boolean fails(String sql) {
        try {
            exec(conn, sql);
            return false;
        } catch (SQLException e) {
            assertTrue(e.getSQLState().startsWith("42") || e.getSQLState().equals("0A000"), e::getMessage);
            return true;
        }
    }

    private List<String> tableNames(String pattern) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, null, pattern, new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        names.sort(null);
        return names;
    }
}
