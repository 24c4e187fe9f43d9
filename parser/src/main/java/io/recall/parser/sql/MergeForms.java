package io.recall.parser.sql;

import io.recall.parser.error.RecallException;

import java.util.Locale;

/**
 * MERGE forms of PostgreSQL 15 that JSqlParser 5.4 cannot parse ({@code WHEN ... THEN DO NOTHING},
 * {@code INSERT DEFAULT VALUES}): a statement that failed to parse and uses one is refused as not
 * supported, naming the form, instead of reported as a syntax error. Only looked at after a parse failure.
 */
final class MergeForms {
    private MergeForms() {
    }

    static RecallException unparsable(String text, Throwable cause) {
        String upper = text.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (!upper.startsWith("MERGE ")) {
            return null;
        }
        String form = upper.contains("THEN DO NOTHING") ? "WHEN ... THEN DO NOTHING"
                : upper.contains("INSERT DEFAULT VALUES") ? "WHEN NOT MATCHED THEN INSERT DEFAULT VALUES" : null;
        if (form == null) {
            return null;
        }
        RecallException e = RecallException.notSupported("MERGE with " + form
                + " (the SQL parser, JSqlParser 5.4, cannot read it; leave the clause out, or list the columns"
                + " and write DEFAULT)");
        e.initCause(cause);
        return e;
    }
}
