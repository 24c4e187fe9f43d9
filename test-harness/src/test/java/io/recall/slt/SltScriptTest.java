package io.recall.slt;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SltScriptTest {
    private static final String SCRIPT = """
            # a comment record

            hash-threshold 8

            statement ok
            CREATE TABLE t1(a INTEGER,
              b INTEGER)

            skipif mysql
            onlyif h2
            statement error
            SELECT nothing

            query IT rowsort label-1
            SELECT a, b
            FROM t1
            ----
            1
            x

            query I nosort
            SELECT a FROM t1
            ----
            30 values hashing to 0123456789abcdef0123456789abcdef

            onlyif mssql
            halt
            """;

    @Test
    void parsesEachKindOfRecordWithItsLine() {
        List<SltRecord> records = SltScript.parse("t.test", SCRIPT).records();
        assertEquals(6, records.size());
        assertEquals(8, assertInstanceOf(SltRecord.HashThreshold.class, records.get(0)).threshold());

        SltRecord.Statement create = assertInstanceOf(SltRecord.Statement.class, records.get(1));
        assertEquals(5, create.line());
        assertEquals("CREATE TABLE t1(a INTEGER,\n  b INTEGER)", create.sql());
        assertFalse(create.expectError());
        assertTrue(assertInstanceOf(SltRecord.Statement.class, records.get(2)).expectError());

        SltRecord.Query query = assertInstanceOf(SltRecord.Query.class, records.get(3));
        assertEquals("IT", query.types());
        assertEquals(SortMode.ROWSORT, query.sortMode());
        assertEquals("label-1", query.label());
        assertEquals("SELECT a, b\nFROM t1", query.sql());
        assertEquals(new ExpectedResult.Values(List.of("1", "x")), query.expected());

        SltRecord.Query hashed = assertInstanceOf(SltRecord.Query.class, records.get(4));
        assertEquals(new ExpectedResult.Hashed(30, "0123456789abcdef0123456789abcdef"), hashed.expected());
        assertInstanceOf(SltRecord.Halt.class, records.get(5));
    }

    @Test
    void conditionsNameTheEnginesARecordIsFor() {
        List<SltRecord> records = SltScript.parse("t.test", SCRIPT).records();
        SltRecord.Conditions h2Only = records.get(2).conditions();
        assertTrue(h2Only.allow("h2"));
        assertFalse(h2Only.allow("recall"));
        assertFalse(h2Only.allow("mysql"));
        assertTrue(records.get(1).conditions().allow("recall"));

        SltRecord.Conditions haltForMssql = records.get(5).conditions();
        assertFalse(haltForMssql.allow("recall"), "onlyif mssql + halt stops only mssql");
        assertTrue(haltForMssql.allow("mssql"));
    }
}
