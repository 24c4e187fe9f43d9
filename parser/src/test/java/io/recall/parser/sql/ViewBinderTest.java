package io.recall.parser.sql;

import io.recall.parser.catalog.CatalogView;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.ViewDef;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.CreateTablePlan;
import io.recall.parser.plan.CreateViewPlan;
import io.recall.parser.plan.DropViewPlan;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Binding of CREATE VIEW and DROP VIEW: the stored text, column names, refusals and error codes. */
class ViewBinderTest {
    private final Map<String, TableDef> tables = new HashMap<>();
    private final CatalogView catalog = new CatalogView() {
        public TableDef table(String schema, String name) {
            return tables.get(schema + "." + name);
        }

        public ViewDef view(String schema, String name) {
            return null;
        }

        public boolean schemaExists(String schema) {
            return schema.equals("PUBLIC") || schema.equals("S");
        }

        public long version() {
            return 1;
        }
    };

    ViewBinderTest() {
        createTable("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10))");
        createTable("CREATE TABLE s.u (id INT)");
    }

    private void createTable(String ddl) {
        TableDef t = ((CreateTablePlan) SqlCompiler.compile(ddl, catalog, "PUBLIC").statement()).table();
        tables.put(t.qualifiedName(), t);
    }

    private CreateViewPlan createView(String sql) {
        return (CreateViewPlan) SqlCompiler.compile(sql, catalog, "PUBLIC").statement();
    }

    private String sqlState(String sql) {
        return assertThrows(RecallException.class, () -> SqlCompiler.compile(sql, catalog, "PUBLIC")).sqlState();
    }

    @Test
    void keepsTheQueryTextAsWritten() {
        String query = "SELECT  id AS \"as\", name -- the name\n FROM t /* AS */ WHERE name <> 'AS' ORDER BY 1";
        CreateViewPlan plan = createView("create or replace view \"As\"(x, \"y\") as " + query + " ;");
        assertEquals(new ViewDef("PUBLIC", "As", query, List.of("X", "y")), plan.view());
        assertTrue(plan.orReplace());
    }

    @Test
    void columnsAreTheQueryLabelsWithoutAColumnList() {
        CreateViewPlan plan = createView("CREATE VIEW v AS SELECT id, name AS label, \"NAME\" AS \"Quoted\" FROM t");
        assertEquals(List.of("ID", "LABEL", "Quoted"), plan.view().columnNames());
        assertFalse(plan.orReplace());
    }

    @Test
    void parenthesisedAndSignChainQueriesKeepTheirText() {
        assertEquals("(SELECT id FROM t)", createView("CREATE VIEW v AS (SELECT id FROM t)").view().sql());
        assertEquals("SELECT - - id FROM t", createView("CREATE VIEW v AS SELECT - - id FROM t").view().sql());
    }

    @Test
    void unqualifiedNamesResolveInTheViewsSchema() {
        ViewDef v = createView("CREATE VIEW s.v AS SELECT id FROM u").view();
        assertEquals("S", v.schema());
        assertEquals("42P01", sqlState("CREATE VIEW s.w AS SELECT id FROM t"));
    }

    @Test
    void errors() {
        assertEquals("42601", sqlState("CREATE VIEW v (a) AS SELECT id, name FROM t"));
        assertEquals("42701", sqlState("CREATE VIEW v (a, A) AS SELECT id, name FROM t"));
        assertEquals("0A000", sqlState("CREATE VIEW v AS SELECT id FROM t WHERE id = ?"));
        assertEquals("0A000", sqlState("CREATE MATERIALIZED VIEW v AS SELECT id FROM t"));
        assertEquals("0A000", sqlState("CREATE VIEW v AS SELECT id FROM t WITH CHECK OPTION"));
        assertEquals("3F000", sqlState("CREATE VIEW nowhere.v AS SELECT 1"));
        assertEquals("42P01", sqlState("CREATE VIEW v AS SELECT id FROM nosuch"));
    }

    @Test
    void dropView() {
        assertEquals(new DropViewPlan("S", "V", true),
                SqlCompiler.compile("DROP VIEW IF EXISTS s.v", catalog, "PUBLIC").statement());
        assertEquals(new DropViewPlan("PUBLIC", "v", false),
                SqlCompiler.compile("DROP VIEW \"v\" CASCADE", catalog, "PUBLIC").statement());
    }
}
