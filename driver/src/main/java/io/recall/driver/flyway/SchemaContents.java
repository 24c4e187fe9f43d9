package io.recall.driver.flyway;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Names of one schema and its tables and views, read from DatabaseMetaData so the plugin needs no catalog
 * SQL. Names are matched exactly: the metadata calls take patterns, so {@code _} and {@code %} in a name
 * are escaped.
 */
final class SchemaContents {
    static final String TABLE = "TABLE";
    static final String VIEW = "VIEW";

    private final DatabaseMetaData metaData;
    private final String schema;

    SchemaContents(DatabaseMetaData metaData, String schema) {
        this.metaData = metaData;
        this.schema = schema;
    }

    boolean schemaExists() throws SQLException {
        try (ResultSet rs = metaData.getSchemas(null, pattern(schema))) {
            while (rs.next()) {
                if (schema.equals(rs.getString("TABLE_SCHEM"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The schema's objects of one type ({@link #TABLE} or {@link #VIEW}) named {@code name}, or all if null. */
    List<String> names(String type, String name) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = metaData.getTables(null, pattern(schema), name == null ? "%" : pattern(name),
                new String[] {type})) {
            while (rs.next()) {
                if (schema.equals(rs.getString("TABLE_SCHEM")) && (name == null || name.equals(rs.getString("TABLE_NAME")))) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        return names;
    }

    private String pattern(String name) throws SQLException {
        String escape = metaData.getSearchStringEscape();
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
