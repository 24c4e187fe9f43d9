package io.recall.parser.sql;

import io.recall.parser.catalog.CatalogView;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.TableOptions;
import io.recall.parser.catalog.ViewDef;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.plan.CompiledStatement;
import io.recall.parser.plan.CreateTablePlan;
import io.recall.parser.plan.IsolationLevel;
import io.recall.parser.query.Project;
import io.recall.parser.query.QueryPlan;
import io.recall.parser.plan.SessionCommand;
import io.recall.parser.types.SqlType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Binding of SQL text into plans: names, types, refusals and error codes. */
class SqlCompilerTest {
    private final Map<String, TableDef> tables = new HashMap<>();
    private final CatalogView catalog = new CatalogView() {
        public TableDef table(String schema, String name) {
            return tables.get(schema + "." + name);
        }

        public ViewDef view(String schema, String name) {
            return null;
        }

        public boolean schemaExists(String schema) {
            return schema.equals("PUBLIC");
        }

        public long version() {
            return 1;
        }
    };

    private CompiledStatement compile(String sql) {
        return SqlCompiler.compile(sql, catalog, "PUBLIC");
    }

    private void createTable(String ddl) {
        TableDef t = ((CreateTablePlan) compile(ddl).statement()).table();
        tables.put(t.qualifiedName(), new TableDef(t.schema(), t.name(), t.columns(), t.primaryKey(), "s1"));
    }

    private String sqlState(String sql) {
        return assertThrows(RecallException.class, () -> compile(sql)).sqlState();
    }

    @Test
    void createTableNormalisesNamesAndTypes() {
        createTable("create table Person (id serial, \"Nick\" varchar(20) not null default 'x', "
                + "born timestamp with time zone, amount numeric(10,2), primary key (id))");
        TableDef t = catalog.table("PUBLIC", "PERSON");
        assertEquals("ID", t.column(0).name());
        assertEquals("Nick", t.column(1).name());
        assertEquals(SqlType.TIMESTAMP_TZ, t.column(2).type().type());
        assertEquals(10, t.column(3).type().length());
        assertEquals(2, t.column(3).type().scale());
        assertTrue(t.column(0).isIdentity());
        assertEquals(0, t.primaryKey()[0]);
    }

    @Test
    void storedDefinitionReadsBackTheSame() {
        createTable("CREATE TABLE t (a INT GENERATED ALWAYS AS IDENTITY, b CHAR(3) DEFAULT 'ab', c DATE, "
                + "PRIMARY KEY (a, b))");
        // a created table has its storage and table type resolved, as the engine stores it
        TableDef t = catalog.table("PUBLIC", "T").withOptions(TableOptions.DEFAULT);
        TableDef back = TableDefText.decode(TableDefText.encode(t));
        assertEquals(TableDefText.encode(t), TableDefText.encode(back));
        assertEquals("s1", back.storageName());
    }

    @Test
    void selectBindsParametersInTextualOrder() {
        createTable("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10))");
        CompiledStatement c = compile("SELECT name FROM t WHERE name = ? AND id > ? ORDER BY 1 LIMIT ?");
        assertEquals(3, c.parameterCount());
        assertEquals(SqlType.VARCHAR, c.parameters().get(0).type().type());
        assertEquals(SqlType.INTEGER, c.parameters().get(1).type().type());
        assertEquals(SqlType.BIGINT, c.parameters().get(2).type().type());
        assertInstanceOf(QueryPlan.class, c.statement());
    }

    @Test
    void constantExpressionsEvaluate() {
        QueryPlan q = (QueryPlan) compile("SELECT 7 / 2, 7 % 3, 'a' || 'b', CASE WHEN 1 < 2 THEN 'y' END, "
                + "COALESCE(NULL, 3), CAST('12' AS INT), - - 4").statement();
        Object[] row = new Object[0];
        EvalContext ctx = new EvalContext(0);
        Project p = (Project) q.root();
        Object[] values = new Object[p.exprs().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = p.exprs()[i].eval(row, ctx);
        }
        assertEquals("[3, 1, ab, y, 3, 12, 4]", java.util.Arrays.toString(values));
    }

    @Test
    void sessionStatementsJSqlParserCannotRead() {
        assertEquals(SessionCommand.Kind.BEGIN, ((SessionCommand) compile("BEGIN").statement()).kind());
        assertEquals(SessionCommand.Kind.BEGIN, ((SessionCommand) compile("start transaction;").statement()).kind());
        SessionCommand iso = (SessionCommand) compile("SET TRANSACTION ISOLATION LEVEL READ COMMITTED").statement();
        assertEquals(IsolationLevel.READ_COMMITTED, iso.isolation());
        assertEquals(250, ((SessionCommand) compile("SET LOCK_TIMEOUT 250").statement()).value());
        assertEquals(SessionCommand.Kind.SET_READ_ONLY,
                ((SessionCommand) compile("SET TRANSACTION READ ONLY").statement()).kind());
    }

    @Test
    void errorsCarryTheirSqlState() {
        createTable("CREATE TABLE t (id INT PRIMARY KEY)");
        assertEquals("42P01", sqlState("SELECT * FROM nope"));
        assertEquals("42703", sqlState("SELECT nope FROM t"));
        assertEquals("42803", sqlState("SELECT id, COUNT(*) FROM t"));
        assertEquals("42803", sqlState("SELECT id FROM t WHERE COUNT(*) > 1"));
        assertEquals("42702", sqlState("SELECT id FROM t a JOIN t b ON a.id = b.id"));
        assertEquals("42712", sqlState("SELECT 1 FROM t, t"));
        assertEquals("0A000", sqlState("SELECT * FROM t a JOIN t b ON a.id = b.id FOR UPDATE"));
        assertEquals("0A000", sqlState("CREATE TABLE u (id INT CHECK (id IN (SELECT id FROM t)))"));
        assertEquals("42803", sqlState("CREATE TABLE u (id INT CHECK (MAX(id) > 0))"));
        assertEquals("42883", sqlState("SELECT nosuchfn(1)"));
        assertEquals("42601", sqlState("SELECT 1; SELECT 2"));
    }

    @Test
    void syntaxErrorsNameThePosition() {
        RecallException e = assertThrows(RecallException.class, () -> compile("SELECT * FROM t WHERE"));
        assertEquals("42601", e.sqlState());
        assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
    }
}
