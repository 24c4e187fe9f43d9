package io.recall.parser.catalog;

import io.recall.parser.types.ColumnType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The read-only INFORMATION_SCHEMA views, as tables the binder resolves like any other: their
 * definitions here, their rows computed from the catalog by the engine each time they are read
 * (storage names starting with {@link #STORAGE_PREFIX}). Columns follow the SQL standard's names.
 */
public final class InformationSchema {
    public static final String SCHEMA = "INFORMATION_SCHEMA";
    public static final String STORAGE_PREFIX = "#information_schema.";

    private static final Map<String, TableDef> TABLES = Map.of(
            "SCHEMATA", table("SCHEMATA", "CATALOG_NAME", "SCHEMA_NAME"),
            "TABLES", table("TABLES", "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE", "STORAGE_TYPE",
                    "SET_TYPE"),
            "COLUMNS", table("COLUMNS", "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME",
                    "ORDINAL_POSITION:i", "COLUMN_DEFAULT", "IS_NULLABLE", "DATA_TYPE", "CHARACTER_MAXIMUM_LENGTH:i",
                    "NUMERIC_PRECISION:i", "NUMERIC_SCALE:i", "IS_IDENTITY"),
            "VIEWS", table("VIEWS", "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "VIEW_DEFINITION"),
            "TABLE_CONSTRAINTS", table("TABLE_CONSTRAINTS", "CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA",
                    "CONSTRAINT_NAME", "TABLE_SCHEMA", "TABLE_NAME", "CONSTRAINT_TYPE"),
            "KEY_COLUMN_USAGE", table("KEY_COLUMN_USAGE", "CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA",
                    "CONSTRAINT_NAME", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION:i"),
            "INDEXES", table("INDEXES", "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "INDEX_NAME", "IS_UNIQUE",
                    "COLUMN_NAME", "ORDINAL_POSITION:i", "IS_DESCENDING"),
            "SEQUENCES", table("SEQUENCES", "SEQUENCE_CATALOG", "SEQUENCE_SCHEMA", "SEQUENCE_NAME"),
            "CLUSTER_MEMBERS", table("CLUSTER_MEMBERS", "MEMBER_NAME", "IS_SELF"));

    private InformationSchema() {
    }

    /** The view of that name, or null. */
    public static TableDef table(String name) {
        return TABLES.get(name);
    }

    public static boolean isSystem(TableDef table) {
        return table.storageName().startsWith(STORAGE_PREFIX);
    }

    /** The view's name from its storage name. */
    public static String viewName(TableDef table) {
        return table.storageName().substring(STORAGE_PREFIX.length());
    }

    /** Columns are VARCHAR unless marked {@code :i} (INTEGER). */
    private static TableDef table(String name, String... columns) {
        List<ColumnDef> defs = new ArrayList<>();
        for (String c : columns) {
            boolean integer = c.endsWith(":i");
            defs.add(new ColumnDef(integer ? c.substring(0, c.length() - 2) : c,
                    integer ? ColumnType.INTEGER : ColumnType.VARCHAR, false, null, null, Identity.NONE));
        }
        return new TableDef(SCHEMA, name, defs, new int[0], STORAGE_PREFIX + name);
    }
}
