package io.recall.parser.sql;

import io.recall.parser.catalog.IndexDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of an index: its storage name on the first line, then
 * {@code CREATE [UNIQUE] INDEX "S"."N" ON "T" ("A" ASC, "B" DESC)} with quoted names. Read back
 * without binding, so the catalog loads in any order.
 */
public final class IndexDefText {
    private static final String UNIQUE = "CREATE UNIQUE INDEX ";
    private static final String PLAIN = "CREATE INDEX ";

    private IndexDefText() {
    }

    public static String encode(IndexDef ix) {
        StringBuilder sb = new StringBuilder(ix.storageName()).append('\n');
        sb.append(ix.unique() ? UNIQUE : PLAIN).append(TableDefText.quote(ix.schema())).append('.')
                .append(TableDefText.quote(ix.name())).append(" ON ").append(TableDefText.quote(ix.table())).append(" (");
        for (int i = 0; i < ix.columns().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(TableDefText.quote(ix.columns().get(i)))
                    .append(ix.descending().get(i) ? " DESC" : " ASC");
        }
        return sb.append(')').toString();
    }

    public static IndexDef decode(String text) {
        int nl = text.indexOf('\n');
        if (nl < 0) {
            throw corrupt(0);
        }
        String storage = text.substring(0, nl);
        Cursor c = new Cursor(text, nl + 1);
        boolean unique = c.skip(UNIQUE);
        if (!unique) {
            c.expect(PLAIN);
        }
        String schema = c.quoted();
        c.expect(".");
        String name = c.quoted();
        c.expect(" ON ");
        String table = c.quoted();
        c.expect(" (");
        List<String> columns = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        do {
            columns.add(c.quoted());
            descending.add(c.skip(" DESC"));
            if (!descending.get(descending.size() - 1)) {
                c.expect(" ASC");
            }
        } while (c.skip(", "));
        c.expect(")");
        return new IndexDef(schema, name, table, columns, descending, unique, storage);
    }

    private static RecallException corrupt(int pos) {
        return new RecallException(ErrorCode.INTERNAL_ERROR, "Corrupt catalog entry for an index at position " + pos);
    }

    private static final class Cursor {
        private final String text;
        private int pos;

        Cursor(String text, int pos) {
            this.text = text;
            this.pos = pos;
        }

        boolean skip(String s) {
            if (text.startsWith(s, pos)) {
                pos += s.length();
                return true;
            }
            return false;
        }

        void expect(String s) {
            if (!skip(s)) {
                throw corrupt(pos);
            }
        }

        String quoted() {
            expect("\"");
            StringBuilder sb = new StringBuilder();
            while (pos < text.length()) {
                char ch = text.charAt(pos++);
                if (ch != '"') {
                    sb.append(ch);
                } else if (skip("\"")) {
                    sb.append('"');
                } else {
                    return sb.toString();
                }
            }
            throw corrupt(pos);
        }
    }
}
