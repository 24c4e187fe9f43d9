package io.recall.parser.catalog;

/** What a foreign key does to the child rows when their parent row is deleted or its key updated. */
public enum ReferentialAction {
    /** Refuse if children remain when the statement ends (the default). */
    NO_ACTION("NO ACTION"),
    /** Refuse at once if children exist. */
    RESTRICT("RESTRICT"),
    /** Delete the children, or give them the parent's new key. */
    CASCADE("CASCADE"),
    /** Set the children's key columns to NULL. */
    SET_NULL("SET NULL"),
    /** Set the children's key columns to their defaults. */
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
