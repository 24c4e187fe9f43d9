package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.update;
import static io.recall.harness.SameAsH2.row;
import static io.recall.harness.SameAsH2.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// MERGE INTO ... USING ... ON ... WHEN [NOT] MATCHED [AND ...] THEN UPDATE | DELETE | INSERT, checked against H2
// (rows and update counts), plus 21000 for a target row matched twice and 0A000 for what JSqlParser cannot read.
class MergeTest {
    private SameAsH2 db;

    @BeforeEach
    void open() throws SQLException {
        db = SameAsH2.open();
        db.both("CREATE TABLE stock (sku VARCHAR(5) PRIMARY KEY, qty INT NOT NULL, note VARCHAR(20))",
                "CREATE TABLE delivery (sku VARCHAR(5), qty INT)",
                "INSERT INTO stock VALUES ('a', 10, NULL), ('b', 5, NULL), ('c', 1, 'old')",
                "INSERT INTO delivery VALUES ('a', 3), ('c', -1), ('d', 7), ('e', 0)");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private void mergeOnBoth(String sql, int expectedCount) throws SQLException {
        assertEquals(expectedCount, update(db.h2, sql), () -> "H2 count of " + sql);
        assertEquals(expectedCount, update(db.recall, sql), () -> "Recall count of " + sql);
    }

    @Test
    void updateMatchedAndInsertUnmatchedRows() throws SQLException {
        mergeOnBoth("MERGE INTO stock USING delivery ON stock.sku = delivery.sku"
                + " WHEN MATCHED THEN UPDATE SET qty = stock.qty + delivery.qty"
                + " WHEN NOT MATCHED THEN INSERT (sku, qty) VALUES (delivery.sku, delivery.qty)", 4);
        db.check("SELECT * FROM stock ORDER BY sku", rows(row("a", 13, null), row("b", 5, null), row("c", 0, "old"),
                row("d", 7, null), row("e", 0, null)));
    }

    @Test
    void conditionsPickTheFirstFittingClauseAndDeleteRemovesRows() throws SQLException {
        mergeOnBoth("MERGE INTO stock AS s USING delivery AS d ON s.sku = d.sku"
                + " WHEN MATCHED AND s.qty + d.qty <= 0 THEN DELETE"
                + " WHEN MATCHED THEN UPDATE SET qty = s.qty + d.qty, note = 'delivered'"
                + " WHEN NOT MATCHED AND d.qty > 0 THEN INSERT VALUES (d.sku, d.qty, 'new')", 3);
        db.check("SELECT * FROM stock ORDER BY sku", rows(row("a", 13, "delivered"), row("b", 5, null),
                row("d", 7, "new")));
    }

    @Test
    void aSubqueryAsSourceAndAConditionThatIsNotAKey() throws SQLException {
        mergeOnBoth("MERGE INTO stock t USING (SELECT sku, SUM(qty) AS total FROM delivery GROUP BY sku) src"
                + " ON t.sku = src.sku AND t.qty > 2"
                + " WHEN MATCHED THEN UPDATE SET note = CAST(src.total AS VARCHAR(10))", 1);
        mergeOnBoth("MERGE INTO stock t USING (SELECT 4 AS lim) p ON t.qty > p.lim"
                + " WHEN MATCHED THEN UPDATE SET qty = t.qty - 1", 2);
        db.check("SELECT * FROM stock ORDER BY sku", rows(row("a", 9, "3"), row("b", 4, null), row("c", 1, "old")));
    }

    @Test
    void anOnWithoutKeyOrIndexMatchesByHashOverManyRows() throws SQLException {
        db.both("CREATE TABLE acct (id INT PRIMARY KEY, owner BIGINT, region VARCHAR(2), bal INT)",
                "CREATE TABLE moves (owner INT, region VARCHAR(2), amount INT)");
        StringBuilder accts = new StringBuilder("INSERT INTO acct VALUES (0, NULL, 'eu', 0)");
        for (int i = 1; i < 400; i++) {
            accts.append(", (").append(i).append(", ").append(i % 200).append(", '").append(i % 2 == 0 ? "eu" : "us")
                    .append("', ").append(i).append(")");
        }
        StringBuilder moves = new StringBuilder("INSERT INTO moves VALUES (NULL, 'eu', 1)");
        for (int i = 0; i < 300; i++) {
            moves.append(", (").append(i).append(", '").append(i % 3 == 0 ? "us" : "eu").append("', ").append(i).append(")");
        }
        db.both(accts.toString(), moves.toString());
        String merge = "MERGE INTO acct a USING moves m ON a.owner = m.owner AND a.region = m.region AND m.amount <> 7"
                + " WHEN MATCHED AND a.bal > 350 THEN DELETE WHEN MATCHED THEN UPDATE SET bal = a.bal + m.amount"
                + " WHEN NOT MATCHED AND m.owner IS NOT NULL THEN INSERT VALUES (1000 + m.owner, m.owner, m.region, 0)";
        int h2 = update(db.h2, merge);
        assertEquals(h2, update(db.recall, merge));
        db.check("SELECT * FROM acct ORDER BY id");
    }

    @Test
    void aMatchedRowWithoutAFittingClauseIsLeftAloneAndNotInserted() throws SQLException {
        mergeOnBoth("MERGE INTO stock USING delivery ON stock.sku = delivery.sku"
                + " WHEN MATCHED AND delivery.qty > 100 THEN DELETE"
                + " WHEN NOT MATCHED AND delivery.qty > 100 THEN INSERT (sku, qty) VALUES (delivery.sku, 0)", 0);
        db.check("SELECT COUNT(*) FROM stock", rows(row(3)));
    }

    @Test
    void aViewOrAValuesListAsSource() throws SQLException {
        exec(db.recall, "CREATE VIEW big AS SELECT sku, qty * 10 AS qty FROM delivery WHERE qty > 0");
        assertEquals(2, update(db.recall, "MERGE INTO stock USING big ON stock.sku = big.sku"
                + " WHEN MATCHED THEN UPDATE SET qty = big.qty WHEN NOT MATCHED THEN INSERT (sku, qty) VALUES (big.sku, big.qty)"));
        assertEquals(2, update(db.recall, "MERGE INTO stock USING (VALUES ('b', 1), ('x', 2)) AS v(sku, n)"
                + " ON stock.sku = v.sku WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT VALUES (v.sku, v.n, NULL)"));
        assertEquals(List.of(List.of("a", 30), List.of("c", 1), List.of("d", 70), List.of("x", 2)),
                Db.rows(db.recall, "SELECT sku, qty FROM stock ORDER BY sku"));
    }

    @Test
    void correlatedSubqueriesInConditionsAndActions() throws SQLException {
        mergeOnBoth("MERGE INTO stock USING delivery d ON stock.sku = d.sku"
                + " WHEN MATCHED AND EXISTS (SELECT 1 FROM delivery x WHERE x.sku = stock.sku AND x.qty > 0)"
                + " THEN UPDATE SET qty = (SELECT SUM(x.qty) FROM delivery x WHERE x.sku = d.sku) + stock.qty"
                + " WHEN NOT MATCHED AND (SELECT COUNT(*) FROM stock) < 4"
                + " THEN INSERT (sku, qty) VALUES (d.sku, (SELECT MAX(qty) FROM delivery))", 3);
        db.check("SELECT * FROM stock ORDER BY sku");
    }

    @Test
    void aTableMergedWithItselfReadsTheSourceBeforeWriting() throws SQLException {
        mergeOnBoth("MERGE INTO stock t USING stock s ON t.sku = s.sku AND s.qty > 1"
                + " WHEN MATCHED THEN UPDATE SET qty = s.qty * 2", 2);
        db.check("SELECT sku, qty FROM stock ORDER BY sku", rows(row("a", 20), row("b", 10), row("c", 1)));
    }

    @Test
    void preparedMergeWithParameters() throws SQLException {
        String sql = "MERGE INTO stock USING (SELECT CAST(? AS VARCHAR(5)) AS sku, CAST(? AS INT) AS qty) d"
                + " ON stock.sku = d.sku WHEN MATCHED THEN UPDATE SET qty = d.qty"
                + " WHEN NOT MATCHED THEN INSERT (sku, qty) VALUES (d.sku, d.qty)";
        try (PreparedStatement ps = db.recall.prepareStatement(sql)) {
            ps.setString(1, "a");
            ps.setInt(2, 42);
            assertEquals(1, ps.executeUpdate());
            ps.setString(1, "z");
            ps.setInt(2, 9);
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals(List.of(List.of("a", 42), List.of("z", 9)),
                Db.rows(db.recall, "SELECT sku, qty FROM stock WHERE sku IN ('a', 'z') ORDER BY sku"));
    }

    @Test
    void aTargetRowMatchedByTwoSourceRowsIs21000AndChangesNothing() throws SQLException {
        exec(db.recall, "INSERT INTO delivery VALUES ('a', 1)");
        SQLException e = assertFails(db.recall, "21000", "MERGE INTO stock USING delivery ON stock.sku = delivery.sku"
                + " WHEN MATCHED THEN UPDATE SET qty = stock.qty + delivery.qty");
        assertTrue(e.getMessage().contains("cannot affect row a second time"), e.getMessage());
        assertEquals(10L, ((Number) Db.scalar(db.recall, "SELECT qty FROM stock WHERE sku = 'a'")).longValue());
        // rows the MERGE inserts are not matched by later source rows: the second 'd' is a duplicate key
        exec(db.recall, "DELETE FROM delivery WHERE sku = 'a'", "INSERT INTO delivery VALUES ('d', 1)");
        assertFails(db.recall, "23505", "MERGE INTO stock USING delivery ON stock.sku = delivery.sku"
                + " WHEN NOT MATCHED THEN INSERT (sku, qty) VALUES (delivery.sku, delivery.qty)");
    }

    @Test
    void formsNotSupportedAndErrors() {
        assertFails(db.recall, "0A000", "MERGE INTO stock USING delivery ON stock.sku = delivery.sku"
                + " WHEN MATCHED THEN DO NOTHING");
        assertFails(db.recall, "0A000", "MERGE INTO stock USING delivery ON stock.sku = delivery.sku"
                + " WHEN NOT MATCHED THEN INSERT DEFAULT VALUES");
        assertFails(db.recall, "0A000", "MERGE INTO stock USING delivery ON stock.sku = delivery.sku"
                + " WHEN NOT MATCHED BY SOURCE THEN DELETE");
        assertFails(db.recall, "0A000", "MERGE INTO stock USING delivery ON stock.sku = delivery.sku"
                + " WHEN MATCHED THEN DELETE RETURNING *");
        assertFails(db.recall, "42601", "MERGE INTO stock USING delivery ON stock.sku = delivery.sku"
                + " WHEN MATCHED THEN DELETE WHEN MATCHED AND delivery.qty > 0 THEN DELETE");
        // WHEN NOT MATCHED sees only the source
        assertFails(db.recall, "42P01", "MERGE INTO stock USING delivery ON stock.sku = delivery.sku"
                + " WHEN NOT MATCHED THEN INSERT (sku, qty) VALUES (stock.sku, 1)");
        assertFails(db.recall, "23502", "MERGE INTO stock USING delivery ON stock.sku = delivery.sku"
                + " WHEN NOT MATCHED THEN INSERT (sku) VALUES (delivery.sku)");
        assertFails(db.recall, "42712", "MERGE INTO stock USING stock ON stock.sku = stock.sku WHEN MATCHED THEN DELETE");
        assertFails(db.recall, "42P01", "MERGE INTO nope USING delivery ON nope.sku = delivery.sku WHEN MATCHED THEN DELETE");
    }
}
