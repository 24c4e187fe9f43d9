package io.recall.parser.sql;

import io.recall.parser.catalog.CatalogView;
import io.recall.parser.catalog.CheckDef;
import io.recall.parser.catalog.ForeignKeyDef;
import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.ReferentialAction;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.ViewDef;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.plan.AddConstraintPlan;
import io.recall.parser.plan.CreateTablePlan;
import io.recall.parser.plan.ColumnTypePlan;
import io.recall.parser.plan.DropColumnPlan;
import io.recall.parser.plan.DropConstraintPlan;
import io.recall.parser.plan.PrimaryKeyPlan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Binding of ALTER TABLE ... ADD / DROP CONSTRAINT, and a CHECK or FOREIGN KEY added to a stored definition. */
class AlterTableBinderTest {
    private final Map<String, TableDef> tables = new HashMap<>();
    private final List<IndexDef> indexes = new ArrayList<>();
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

        public boolean indexExists(String schema, String name) {
            return indexes.stream().anyMatch(ix -> ix.schema().equals(schema) && ix.name().equals(name));
        }

        public List<IndexDef> indexes(TableDef table) {
            return indexes.stream().filter(ix -> ix.table().equals(table.name())).toList();
        }

        public long version() {
            return 1;
        }
    };

    private Object bind(String sql) {
        return SqlCompiler.compile(sql, catalog, "PUBLIC").statement();
    }

    private TableDef createTable(String ddl) {
        CreateTablePlan plan = (CreateTablePlan) bind(ddl);
        TableDef t = plan.table().withStorageName("s" + tables.size());
        tables.put(t.qualifiedName(), t);
        indexes.addAll(plan.uniques());
        return t;
    }

    private String sqlState(String sql) {
        return assertThrows(RecallException.class, () -> bind(sql)).sqlState();
    }

    @Test
    void addedCheckIsBoundOverTheRowAndReadsBackFromTheStoredDefinition() {
        TableDef t = createTable("CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT)");
        AddConstraintPlan plan = (AddConstraintPlan) bind("ALTER TABLE t ADD CONSTRAINT \"Small\" CHECK (a < b)");
        CheckDef check = plan.check();
        assertEquals("Small", check.name());
        assertNull(plan.unique());
        EvalContext ctx = new EvalContext(0);
        assertEquals(Boolean.FALSE, check.condition().eval(new Object[]{1, 5, 2}, ctx));
        TableDef back = TableDefText.decode(TableDefText.encode(t.withCheck(check)));
        CheckDef stored = back.check("Small");
        assertEquals(check.sql(), stored.sql());
        assertEquals(Boolean.FALSE, stored.condition().eval(new Object[]{1, 5, 2}, ctx));
        assertEquals(Boolean.TRUE, stored.condition().eval(new Object[]{1, 1, 2}, ctx));
    }

    @Test
    void addedForeignKeyGetsThePostgreSqlNameAndTheParentsPrimaryKey() {
        createTable("CREATE TABLE p (k1 INT, k2 VARCHAR(3), PRIMARY KEY (k2, k1))");
        TableDef c = createTable("CREATE TABLE c (id INT PRIMARY KEY, x VARCHAR(3), y INT, "
                + "CONSTRAINT c_x_y_fkey CHECK (y > 0))");
        ForeignKeyDef fk = ((AddConstraintPlan) bind("ALTER TABLE c ADD FOREIGN KEY (x, y) REFERENCES p "
                + "ON DELETE CASCADE")).foreignKey();
        assertEquals("C_X_Y_FKEY1", fk.name());
        assertEquals(List.of("K2", "K1"), fk.parentColumns());
        assertEquals(ReferentialAction.CASCADE, fk.onDelete());
        assertEquals(ReferentialAction.NO_ACTION, fk.onUpdate());
        TableDef back = TableDefText.decode(TableDefText.encode(c.withForeignKey(fk)));
        assertEquals(fk, back.foreignKey("C_X_Y_FKEY1"));
    }

    @Test
    void addedUniqueIsAUniqueIndexNamedAfterItsColumns() {
        createTable("CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT, CONSTRAINT t_a_b_key UNIQUE (b))");
        IndexDef ix = ((AddConstraintPlan) bind("ALTER TABLE t ADD UNIQUE (a, b)")).unique();
        assertEquals("T_A_B_KEY1", ix.name());
        assertEquals(List.of("A", "B"), ix.columns());
        assertTrue(ix.unique());
        assertEquals("U", ((AddConstraintPlan) bind("ALTER TABLE t ADD CONSTRAINT u UNIQUE (a)")).unique().name());
        assertEquals("42710", sqlState("ALTER TABLE t ADD CONSTRAINT t_a_b_key UNIQUE (a)"));
        assertEquals("42710", sqlState("ALTER TABLE t ADD CONSTRAINT t_a_b_key CHECK (a > 0)"));
    }

    @Test
    void dropConstraintAndIfExists() {
        createTable("CREATE TABLE t (id INT PRIMARY KEY)");
        DropConstraintPlan drop = (DropConstraintPlan) bind("ALTER TABLE IF EXISTS t DROP CONSTRAINT IF EXISTS c CASCADE");
        assertEquals(new DropConstraintPlan("PUBLIC", "T", true, "C", true, true), drop);
        assertTrue(((AddConstraintPlan) bind("ALTER TABLE IF EXISTS nope ADD UNIQUE (a)")).isNothing());
        assertEquals("42P01", sqlState("ALTER TABLE nope DROP CONSTRAINT c"));
        assertEquals("0A000", sqlState("ALTER TABLE t DROP CONSTRAINT a, DROP CONSTRAINT b"));
        assertEquals("42703", sqlState("ALTER TABLE t DROP COLUMN c"));
    }

    @Test
    void rewritesAreBoundAgainstTheTable() {
        createTable("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(5))");
        assertEquals(new DropColumnPlan("PUBLIC", "T", "V", true), bind("ALTER TABLE t DROP COLUMN v CASCADE"));
        assertTrue(((DropColumnPlan) bind("ALTER TABLE t DROP COLUMN IF EXISTS nope")).isNothing());
        ColumnTypePlan type = (ColumnTypePlan) bind("ALTER TABLE t ALTER COLUMN v SET DATA TYPE INT");
        assertEquals("INTEGER", type.type().sqlName());
        assertEquals(type.type(), ((ColumnTypePlan) bind("alter table t alter v set  data\ntype int")).type());
        assertEquals("v || 'x'", ((ColumnTypePlan) bind("ALTER TABLE t ALTER v TYPE VARCHAR(9) USING v || 'x'")).usingSql());
        assertEquals("42703", sqlState("ALTER TABLE t ALTER v TYPE INT USING nope"));
        assertEquals("0A000", sqlState("ALTER TABLE t ALTER v TYPE INT USING (SELECT 1)"));
        assertEquals("42P16", sqlState("ALTER TABLE t ADD PRIMARY KEY (v)"));
        assertEquals(new PrimaryKeyPlan("PUBLIC", "T", null, false), bind("ALTER TABLE t DROP PRIMARY KEY"));
        createTable("CREATE TABLE k (a INT, b INT)");
        assertEquals(new PrimaryKeyPlan("PUBLIC", "K", java.util.List.of("B", "A"), false),
                bind("ALTER TABLE k ADD CONSTRAINT pk PRIMARY KEY (b, a)"));
    }
}
