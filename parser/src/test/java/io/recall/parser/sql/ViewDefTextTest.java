package io.recall.parser.sql;

import io.recall.parser.catalog.ViewDef;
import io.recall.parser.error.RecallException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The stored text of a view reads back to the same definition, whatever its names contain. */
class ViewDefTextTest {
    private static void roundTrip(ViewDef v) {
        assertEquals(v, ViewDefText.decode(ViewDefText.encode(v)));
    }

    @Test
    void plainView() {
        ViewDef v = new ViewDef("PUBLIC", "V", "SELECT id, name FROM t WHERE id > 1", List.of("ID", "NAME"));
        assertEquals("CREATE VIEW \"PUBLIC\".\"V\" (\"ID\", \"NAME\") AS SELECT id, name FROM t WHERE id > 1",
                ViewDefText.encode(v));
        roundTrip(v);
    }

    @Test
    void awkwardNamesAndText() {
        roundTrip(new ViewDef("a\"b.c", "x) AS y", "SELECT 1 AS \"a, b\"\n-- trailing ) AS \" comment\n",
                List.of("a, b", "\"", " AS ", "line\nbreak")));
        roundTrip(new ViewDef("S", "", "", List.of("")));
    }

    @Test
    void corruptEntryIsAnInternalError() {
        assertEquals("XX000", assertThrows(RecallException.class,
                () -> ViewDefText.decode("CREATE VIEW \"S\".\"V\" (\"A\"")).sqlState());
        assertEquals("XX000", assertThrows(RecallException.class,
                () -> ViewDefText.decode("CREATE TABLE \"S\".\"V\" (\"A\") AS SELECT 1")).sqlState());
    }
}
