package io.recall.parser.sql;

import io.recall.parser.catalog.ViewDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a view: {@code CREATE VIEW "S"."V" ("A", "B") AS <query text>}, names quoted
 * with doubled quotes. Reading it back takes the names apart without binding the query, because a
 * view may outlive the tables it reads and must still load.
 */
public final class ViewDefText {
    private static final String HEAD = "CREATE VIEW ";
    private static final String AS = " AS ";

    private ViewDefText() {
    }

    public static String encode(ViewDef v) {
        StringBuilder sb = new StringBuilder(HEAD);
        sb.append(TableDefText.quote(v.schema())).append('.').append(TableDefText.quote(v.name())).append(" (");
        for (int i = 0; i < v.columnNames().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(TableDefText.quote(v.columnNames().get(i)));
        }
        return sb.append(')').append(AS).append(v.sql()).toString();
    }

    public static ViewDef decode(String text) {
        Reader r = new Reader(text);
        r.expect(HEAD);
        String schema = r.quoted();
        r.expect(".");
        String name = r.quoted();
        r.expect(" (");
        List<String> columns = new ArrayList<>();
        do {
            columns.add(r.quoted());
        } while (r.skip(", "));
        r.expect(")");
        r.expect(AS);
        return new ViewDef(schema, name, r.rest(), columns);
    }

    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
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
                throw corrupt();
            }
        }

        String quoted() {
            expect("\"");
            StringBuilder sb = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c != '"') {
                    sb.append(c);
                } else if (skip("\"")) {
                    sb.append('"');
                } else {
                    return sb.toString();
                }
            }
            throw corrupt();
        }

        String rest() {
            return text.substring(pos);
        }

        private RecallException corrupt() {
            return new RecallException(ErrorCode.INTERNAL_ERROR, "Corrupt catalog entry for a view at position " + pos);
        }
    }
}
