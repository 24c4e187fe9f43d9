package io.recall.parser.sql;

import io.recall.parser.catalog.CatalogView;
import io.recall.parser.catalog.SetType;
import io.recall.parser.catalog.StorageType;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.TableOptions;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.CreateTablePlan;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CREATE TABLE ... WITH (storage = '...', type = '...'): binding, refusals and the stored text. */
class TableOptionsTest {
    private final CatalogView catalog = CatalogView.withTables((schema, name) -> null);

    private TableDef create(String ddl) {
        return ((CreateTablePlan) SqlCompiler.compile(ddl, catalog, "PUBLIC").statement()).table();
    }

    private RecallException refused(String ddl) {
        return assertThrows(RecallException.class, () -> create(ddl));
    }

    @Test
    void bothOptionsAnyCaseQuotedOrBare() {
        TableDef t = create("CREATE TABLE t (id INT PRIMARY KEY) WITH (storage = 'disc_only_copies', type = 'set')");
        assertEquals(new TableOptions(StorageType.DISC_ONLY_COPIES, SetType.SET), t.options());
        t = create("CREATE TABLE t (id INT PRIMARY KEY) WITH (TYPE='Ordered_Set',\"storage\" = RAM_COPIES)");
        assertEquals(new TableOptions(StorageType.RAM_COPIES, SetType.ORDERED_SET), t.options());
    }

    @Test
    void unsaidOptionsStayUnspecified() {
        assertEquals(TableOptions.UNSPECIFIED, create("CREATE TABLE t (id INT PRIMARY KEY)").options());
        assertEquals(new TableOptions(null, SetType.ORDERED_SET),
                create("CREATE TABLE t (id INT PRIMARY KEY) WITH (type = 'ordered_set')").options());
        assertEquals(new TableOptions(StorageType.DISC_COPIES, null),
                create("CREATE TABLE t (id INT, v INT CHECK (v > 0)) WITH (storage = 'disc_copies')").options());
    }

    @Test
    void unknownKeysAndValuesAreNamed() {
        RecallException key = refused("CREATE TABLE t (id INT PRIMARY KEY) WITH (fillfactor = 70)");
        assertEquals("42601", key.sqlState());
        assertTrue(key.getMessage().contains("fillfactor"), key.getMessage());
        RecallException storage = refused("CREATE TABLE t (id INT PRIMARY KEY) WITH (storage = 'tape_copies')");
        assertEquals("22023", storage.sqlState());
        assertTrue(storage.getMessage().contains("tape_copies"), storage.getMessage());
        RecallException type = refused("CREATE TABLE t (id INT PRIMARY KEY) WITH (type = 'bag, sorted')");
        assertEquals("22023", type.sqlState());
        assertTrue(type.getMessage().contains("'bag, sorted'"), type.getMessage());
        assertEquals("42601", refused("CREATE TABLE t (id INT PRIMARY KEY) WITH (type = 'set', type = 'set')")
                .sqlState());
        assertEquals("42601", refused("CREATE TABLE t (id INT PRIMARY KEY) WITH (storage)").sqlState());
        assertEquals("42601", refused("CREATE TABLE t (id INT PRIMARY KEY) WITH ()").sqlState());
    }

    @Test
    void otherTableOptionsAreStillRefused() {
        assertEquals("0A000", refused("CREATE TABLE t (id INT PRIMARY KEY) ENGINE = InnoDB").sqlState());
        assertEquals("0A000", refused("CREATE TABLE t (id INT PRIMARY KEY) WITH OIDS").sqlState());
        assertEquals("0A000", refused("CREATE TABLE t (id INT PRIMARY KEY) WITH (type = 'set') WITH (type = 'set')")
                .sqlState());
    }

    @Test
    void orderedSetNeedsAPrimaryKey() {
        RecallException e = refused("CREATE TABLE t (a INT, b INT) WITH (type = 'ordered_set')");
        assertEquals("42P16", e.sqlState());
        assertTrue(e.getMessage().contains("primary key"), e.getMessage());
    }

    @Test
    void storedTextKeepsTheOptions() {
        TableDef t = create("CREATE TABLE t (a INT, b VARCHAR(5), PRIMARY KEY (b, a)) "
                + "WITH (type = 'ordered_set', storage = 'disc_copies')").withStorageName("t7");
        String text = TableDefText.encode(t);
        assertTrue(text.contains(" WITH (storage = 'disc_copies', type = 'ordered_set')"), text);
        TableDef back = TableDefText.decode(text);
        assertEquals(t.options(), back.options());
        assertEquals(text, TableDefText.encode(back));
        assertEquals("t7", back.storageName());
    }

    @Test
    void entriesWithoutOptionsReadAsRamCopiesSet() {
        TableDef back = TableDefText.decode("t3\nCREATE TABLE \"PUBLIC\".\"T\" (\"ID\" INTEGER NOT NULL, PRIMARY KEY (\"ID\"))");
        assertEquals(TableOptions.DEFAULT, back.options());
        TableDef half = TableDefText.decode("t4\nCREATE TABLE \"PUBLIC\".\"T\" (\"ID\" INTEGER NOT NULL, "
                + "PRIMARY KEY (\"ID\")) WITH (type = 'ordered_set')");
        assertEquals(new TableOptions(StorageType.RAM_COPIES, SetType.ORDERED_SET), half.options());
    }

    @Test
    void alterTableSetBindsTheNewOptions() {
        CatalogView withT = CatalogView.withTables(
                (schema, name) -> name.equals("T") ? create("CREATE TABLE t (id INT PRIMARY KEY)") : null);
        assertEquals(new io.recall.parser.plan.TableOptionsPlan("PUBLIC", "T", new TableOptions(StorageType.DISC_COPIES,
                null)), SqlCompiler.compile("ALTER TABLE t SET (storage = 'disc_copies')", withT, "PUBLIC").statement());
        assertEquals("42601", assertThrows(RecallException.class, () -> SqlCompiler.compile(
                "ALTER TABLE t SET (fillfactor = 70)", withT, "PUBLIC")).sqlState());
        assertEquals("42P01", assertThrows(RecallException.class, () -> SqlCompiler.compile(
                "ALTER TABLE nope SET (type = 'set')", withT, "PUBLIC")).sqlState());
    }
}
