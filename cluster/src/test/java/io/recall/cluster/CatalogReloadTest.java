package io.recall.cluster;

import io.recall.engine.Database;
import io.recall.engine.DatabaseSettings;
import io.recall.engine.ExecutionOptions;
import io.recall.engine.Session;
import io.recall.engine.catalog.Catalog;
import io.recall.parser.catalog.ViewDef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog cache holds tables and views so that a catalog read back from it equals the live one. */
class CatalogReloadTest {
    private InfinispanStore store;
    private Database db;
    private Session s;

    @BeforeEach
    void open() {
        store = new InfinispanStore("test");
        db = Database.open(store, new DatabaseSettings("test", 500));
        s = db.openSession("sa");
    }

    @AfterEach
    void close() {
        s.close();
        db.close();
    }

    private void run(String sql) {
        s.execute(sql, ExecutionOptions.DEFAULT);
    }

    @Test
    void viewsAndTablesAreReadBackFromTheCatalogCache() {
        run("CREATE SCHEMA s");
        run("CREATE TABLE s.t (id INT PRIMARY KEY, name VARCHAR(10))");
        run("CREATE VIEW s.v (a, \"b\") AS SELECT id, name\n  FROM t WHERE name <> 'x' -- kept");
        run("CREATE VIEW w AS SELECT 1 AS one");
        run("CREATE OR REPLACE VIEW w AS SELECT 2 AS two");
        run("CREATE VIEW gone AS SELECT 3 AS three");
        run("DROP VIEW gone");

        Catalog reloaded = new Catalog(store.catalog());
        assertEquals(new ViewDef("S", "V", "SELECT id, name\n  FROM t WHERE name <> 'x' -- kept", List.of("A", "b")),
                reloaded.view("S", "V"));
        assertEquals(new ViewDef("PUBLIC", "W", "SELECT 2 AS two", List.of("TWO")), reloaded.view("PUBLIC", "W"));
        assertNull(reloaded.view("PUBLIC", "GONE"));
        assertEquals(s.views(), reloaded.views());
        assertEquals(1, reloaded.tables("S").size());
    }

    @Test
    void dropSchemaCascadeRemovesStoredViews() {
        run("CREATE SCHEMA s");
        run("CREATE TABLE s.t (id INT)");
        run("CREATE VIEW s.v AS SELECT id FROM t");
        run("DROP SCHEMA s CASCADE");
        Catalog reloaded = new Catalog(store.catalog());
        assertTrue(reloaded.views().isEmpty());
        assertTrue(store.catalog().entries().keySet().stream().noneMatch(k -> k.startsWith("view:")));
    }

    @Test
    void everyViewChangeBumpsTheCatalogVersion() {
        Catalog catalog = new Catalog(store.catalog());
        long v0 = catalog.version();
        catalog.putView(new ViewDef("PUBLIC", "V", "SELECT 1 AS one", List.of("ONE")), false);
        long v1 = catalog.version();
        catalog.putView(new ViewDef("PUBLIC", "V", "SELECT 2 AS two", List.of("TWO")), true);
        long v2 = catalog.version();
        catalog.removeView(catalog.view("PUBLIC", "V"));
        long v3 = catalog.version();
        assertTrue(v0 < v1 && v1 < v2 && v2 < v3, v0 + " " + v1 + " " + v2 + " " + v3);
        assertNull(new Catalog(store.catalog()).view("PUBLIC", "V"));
    }

    @Test
    void alteredColumnsAreReadBackFromTheCatalogCache() {
        run("CREATE TABLE t (id INT PRIMARY KEY, v INT, w VARCHAR(5) DEFAULT 'x')");
        run("ALTER TABLE t ALTER COLUMN v SET DEFAULT 40 + 2");
        run("ALTER TABLE t ALTER COLUMN v SET NOT NULL");
        run("ALTER TABLE t ALTER COLUMN w DROP DEFAULT");
        io.recall.parser.catalog.TableDef t = new Catalog(store.catalog()).table("PUBLIC", "T");
        assertEquals("40 + 2", t.column(1).defaultSql());
        assertTrue(t.column(1).notNull());
        assertNull(t.column(2).defaultSql());
    }

    @Test
    void renamedTablesAndColumnsAreReadBackFromTheCatalogCache() {
        run("CREATE TABLE a (id INT PRIMARY KEY, v INT, CONSTRAINT v_ok CHECK (a.v > 0 AND v < 100))");
        run("CREATE TABLE b (id INT PRIMARY KEY, a_id INT REFERENCES a (id))");
        run("CREATE INDEX a_v ON a (v)");
        run("ALTER TABLE a RENAME TO aa");
        run("ALTER TABLE aa RENAME COLUMN v TO w");
        run("ALTER TABLE aa RENAME COLUMN id TO ident");
        Catalog reloaded = new Catalog(store.catalog());
        assertNull(reloaded.table("PUBLIC", "A"));
        io.recall.parser.catalog.TableDef aa = reloaded.table("PUBLIC", "AA");
        assertEquals("W", aa.column(1).name());
        String check = aa.checks().get(0).sql();
        assertTrue(check.contains("\"AA\".\"W\"") && check.contains("\"W\" < 100"), check);
        io.recall.parser.catalog.ForeignKeyDef fk = reloaded.table("PUBLIC", "B").foreignKeys().get(0);
        assertEquals("AA", fk.parentTable());
        assertEquals(List.of("IDENT"), fk.parentColumns());
        assertEquals(List.of("W"), reloaded.index("PUBLIC", "A_V").columns());
        assertEquals("AA", reloaded.index("PUBLIC", "A_V").table());
    }
}
