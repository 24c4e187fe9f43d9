package io.recall.slt;

/**
 * A record that did not pass: where it is, its SQL, the cause failures are grouped by (SQLState and the
 * first words of the message, or the kind of wrong result) and the detail.
 */
record RecordOutcome(String file, int line, Kind kind, Status status, String sql, String cause, String detail) {

    enum Kind { STATEMENT, QUERY }

    enum Status {
        FAILED,
        /** Past the query timeout, or stuck past it. */
        TIMEOUT,
        /** An exception other than SQLException escaped JDBC: a driver bug whatever the SQL. */
        INTERNAL_ERROR,
        /** Not run because the file was abandoned (no connection, or too many timeouts). */
        NOT_RUN
    }

    String location() {
        return file + ":" + line;
    }

    /** The SQL on one line, cut to {@code max} characters. */
    String sqlAbbreviated(int max) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() <= max ? flat : flat.substring(0, max - 3) + "...";
    }
}
