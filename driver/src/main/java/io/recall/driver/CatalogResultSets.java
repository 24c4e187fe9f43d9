package io.recall.driver;

import io.recall.engine.Session;
import io.recall.parser.catalog.ColumnDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.ViewDef;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.OutputColumn;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.SqlType;

import java.sql.DatabaseMetaData;
import java.util.Arrays;
import java.util.List;

/**
 * The DatabaseMetaData methods that answer with rows, in the exact column layout the JDBC javadoc
 * gives for each (clients read them by index as well as by name). Rows come from the session's
 * view of the catalog; objects Recall does not have yet give empty results with the right columns.
 */
final class CatalogResultSets {
    static final String TABLE_TYPE = "TABLE";
    static final String VIEW_TYPE = "VIEW";

    static final String PROCEDURES = "PROCEDURE_CAT PROCEDURE_SCHEM PROCEDURE_NAME RESERVED1 RESERVED2 RESERVED3 "
            + "REMARKS PROCEDURE_TYPE:s SPECIFIC_NAME";
    static final String PROCEDURE_COLUMNS = "PROCEDURE_CAT PROCEDURE_SCHEM PROCEDURE_NAME COLUMN_NAME COLUMN_TYPE:s "
            + "DATA_TYPE:i TYPE_NAME PRECISION:i LENGTH:i SCALE:s RADIX:s NULLABLE:s REMARKS COLUMN_DEF "
            + "SQL_DATA_TYPE:i SQL_DATETIME_SUB:i CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i IS_NULLABLE SPECIFIC_NAME";
    static final String FUNCTIONS = "FUNCTION_CAT FUNCTION_SCHEM FUNCTION_NAME REMARKS FUNCTION_TYPE:s SPECIFIC_NAME";
    static final String FUNCTION_COLUMNS = "FUNCTION_CAT FUNCTION_SCHEM FUNCTION_NAME COLUMN_NAME COLUMN_TYPE:s "
            + "DATA_TYPE:i TYPE_NAME PRECISION:i LENGTH:i SCALE:s RADIX:s NULLABLE:s REMARKS CHAR_OCTET_LENGTH:i "
            + "ORDINAL_POSITION:i IS_NULLABLE SPECIFIC_NAME";
    static final String TABLES = "TABLE_CAT TABLE_SCHEM TABLE_NAME TABLE_TYPE REMARKS TYPE_CAT TYPE_SCHEM TYPE_NAME "
            + "SELF_REFERENCING_COL_NAME REF_GENERATION";
    static final String COLUMNS = "TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME DATA_TYPE:i TYPE_NAME COLUMN_SIZE:i "
            + "BUFFER_LENGTH:i DECIMAL_DIGITS:i NUM_PREC_RADIX:i NULLABLE:i REMARKS COLUMN_DEF SQL_DATA_TYPE:i "
            + "SQL_DATETIME_SUB:i CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i IS_NULLABLE SCOPE_CATALOG SCOPE_SCHEMA "
            + "SCOPE_TABLE SOURCE_DATA_TYPE:s IS_AUTOINCREMENT IS_GENERATEDCOLUMN";
    static final String COLUMN_PRIVILEGES = "TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME GRANTOR GRANTEE PRIVILEGE "
            + "IS_GRANTABLE";
    static final String TABLE_PRIVILEGES = "TABLE_CAT TABLE_SCHEM TABLE_NAME GRANTOR GRANTEE PRIVILEGE IS_GRANTABLE";
    static final String ROW_IDENTIFIER = "SCOPE:s COLUMN_NAME DATA_TYPE:i TYPE_NAME COLUMN_SIZE:i BUFFER_LENGTH:i "
            + "DECIMAL_DIGITS:s PSEUDO_COLUMN:s";
    static final String PRIMARY_KEYS = "TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME KEY_SEQ:s PK_NAME";
    static final String KEYS = "PKTABLE_CAT PKTABLE_SCHEM PKTABLE_NAME PKCOLUMN_NAME FKTABLE_CAT FKTABLE_SCHEM "
            + "FKTABLE_NAME FKCOLUMN_NAME KEY_SEQ:s UPDATE_RULE:s DELETE_RULE:s FK_NAME PK_NAME DEFERRABILITY:s";
    static final String TYPE_INFO = "TYPE_NAME DATA_TYPE:i PRECISION:i LITERAL_PREFIX LITERAL_SUFFIX CREATE_PARAMS "
            + "NULLABLE:s CASE_SENSITIVE:b SEARCHABLE:s UNSIGNED_ATTRIBUTE:b FIXED_PREC_SCALE:b AUTO_INCREMENT:b "
            + "LOCAL_TYPE_NAME MINIMUM_SCALE:s MAXIMUM_SCALE:s SQL_DATA_TYPE:i SQL_DATETIME_SUB:i NUM_PREC_RADIX:i";
    static final String INDEX_INFO = "TABLE_CAT TABLE_SCHEM TABLE_NAME NON_UNIQUE:b INDEX_QUALIFIER INDEX_NAME TYPE:s "
            + "ORDINAL_POSITION:s COLUMN_NAME ASC_OR_DESC CARDINALITY:l PAGES:l FILTER_CONDITION";
    static final String UDTS = "TYPE_CAT TYPE_SCHEM TYPE_NAME CLASS_NAME DATA_TYPE:i REMARKS BASE_TYPE:s";
    static final String SUPER_TYPES = "TYPE_CAT TYPE_SCHEM TYPE_NAME SUPERTYPE_CAT SUPERTYPE_SCHEM SUPERTYPE_NAME";
    static final String SUPER_TABLES = "TABLE_CAT TABLE_SCHEM TABLE_NAME SUPERTABLE_NAME";
    static final String ATTRIBUTES = "TYPE_CAT TYPE_SCHEM TYPE_NAME ATTR_NAME DATA_TYPE:i ATTR_TYPE_NAME ATTR_SIZE:i "
            + "DECIMAL_DIGITS:i NUM_PREC_RADIX:i NULLABLE:i REMARKS ATTR_DEF SQL_DATA_TYPE:i SQL_DATETIME_SUB:i "
            + "CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i IS_NULLABLE SCOPE_CATALOG SCOPE_SCHEMA SCOPE_TABLE "
            + "SOURCE_DATA_TYPE:s";
    static final String CLIENT_INFO = "NAME MAX_LEN:i DEFAULT_VALUE DESCRIPTION";
    static final String PSEUDO_COLUMNS = "TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME DATA_TYPE:i COLUMN_SIZE:i "
            + "DECIMAL_DIGITS:i NUM_PREC_RADIX:i COLUMN_USAGE REMARKS CHAR_OCTET_LENGTH:i IS_NULLABLE";

    private final String catalog;
    private final Session session;

    CatalogResultSets(String catalog, Session session) {
        this.catalog = catalog;
        this.session = session;
    }

    static RecallResultSet empty(String layout) {
        return ResultTable.of(layout).toResultSet();
    }

    /** JDBC: null = do not filter, "" = objects without a catalog, else the exact name. */
    private boolean catalogMatches(String requested) {
        if (requested == null) {
            return true;
        }
        return requested.isEmpty() ? catalog == null : requested.equals(catalog);
    }

    private List<TableDef> tables(String catalogFilter, NamePattern schema, NamePattern table) {
        if (!catalogMatches(catalogFilter)) {
            return List.of();
        }
        return session.tables().stream()
                .filter(t -> schema.matches(t.schema()) && table.matches(t.name()))
                .toList();
    }

    private List<ViewDef> views(String catalogFilter, NamePattern schema, NamePattern view) {
        if (!catalogMatches(catalogFilter)) {
            return List.of();
        }
        return session.views().stream()
                .filter(v -> schema.matches(v.schema()) && view.matches(v.name()))
                .toList();
    }

    /** Exact names (getPrimaryKeys and friends take names, not patterns); null schema = any. */
    private List<TableDef> table(String catalogFilter, String schema, String table) {
        if (!catalogMatches(catalogFilter) || table == null) {
            return List.of();
        }
        return session.tables().stream()
                .filter(t -> (schema == null || schema.equals(t.schema())) && table.equals(t.name()))
                .toList();
    }

    RecallResultSet tables(String catalogFilter, String schemaPattern, String tablePattern, String[] types) {
        ResultTable result = ResultTable.of(TABLES);
        NamePattern schemas = new NamePattern(schemaPattern);
        NamePattern names = new NamePattern(tablePattern);
        if (wanted(types, TABLE_TYPE)) {
            for (TableDef t : tables(catalogFilter, schemas, names)) {
                result.row(catalog, t.schema(), t.name(), TABLE_TYPE, t.options().describe(), null, null, null, null,
                        null);
            }
        }
        if (wanted(types, VIEW_TYPE)) {
            for (ViewDef v : views(catalogFilter, schemas, names)) {
                result.row(catalog, v.schema(), v.name(), VIEW_TYPE, "", null, null, null, null, null);
            }
        }
        return result.sortBy(3, 0, 1, 2).toResultSet();
    }

    private static boolean wanted(String[] types, String type) {
        return types == null || Arrays.stream(types).anyMatch(type::equalsIgnoreCase);
    }

    RecallResultSet columns(String catalogFilter, String schemaPattern, String tablePattern, String columnPattern) {
        ResultTable result = ResultTable.of(COLUMNS);
        NamePattern columnNames = new NamePattern(columnPattern);
        NamePattern schemas = new NamePattern(schemaPattern);
        NamePattern names = new NamePattern(tablePattern);
        for (TableDef t : tables(catalogFilter, schemas, names)) {
            for (int i = 0; i < t.columnCount(); i++) {
                ColumnDef c = t.column(i);
                if (columnNames.matches(c.name())) {
                    boolean nullable = !c.notNull() && !t.isPrimaryKeyColumn(i);
                    columnRow(result, t.schema(), t.name(), c.name(), c.type(), nullable, c.defaultSql(), i + 1,
                            c.isIdentity());
                }
            }
        }
        for (ViewDef v : views(catalogFilter, schemas, names)) {
            OutputColumn[] out = viewColumns(v);
            for (int i = 0; i < out.length; i++) {
                if (columnNames.matches(out[i].label())) {
                    columnRow(result, v.schema(), v.name(), out[i].label(), out[i].type(), out[i].nullable(), null,
                            i + 1, false);
                }
            }
        }
        return result.sortBy(0, 1, 2, 16).toResultSet();
    }

    private void columnRow(ResultTable result, String schema, String table, String column, ColumnType type,
                           boolean nullable, String defaultSql, int position, boolean identity) {
        result.row(catalog, schema, table, column, JdbcTypes.code(type.type()),
                JdbcTypes.name(type), type.precision(), null, decimalDigits(type),
                type.type().isNumeric() ? 10 : null,
                nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls, "",
                defaultSql, null, null, octetLength(type), position, nullable ? "YES" : "NO",
                null, null, null, null, identity ? "YES" : "NO", "NO");
    }

    /**
     * A view's columns are those of its query bound now. A view that cannot be bound (a table it
     * reads was dropped) has no columns to describe, as its query fails when used.
     */
    private OutputColumn[] viewColumns(ViewDef v) {
        try {
            return session.prepare("SELECT * FROM " + quote(v.schema()) + "." + quote(v.name())).columns();
        } catch (RecallException e) {
            return new OutputColumn[0];
        }
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static Integer decimalDigits(ColumnType type) {
        SqlType t = type.type();
        return t.isNumeric() || t.isDateTime() && t != SqlType.DATE ? JdbcTypes.scale(type) : null;
    }

    private static Integer octetLength(ColumnType type) {
        return type.type().isString() || type.type().isBinary() ? type.precision() : null;
    }

    RecallResultSet primaryKeys(String catalogFilter, String schema, String table) {
        ResultTable result = ResultTable.of(PRIMARY_KEYS);
        for (TableDef t : table(catalogFilter, schema, table)) {
            int[] key = t.primaryKey();
            for (int seq = 0; seq < key.length; seq++) {
                result.row(catalog, t.schema(), t.name(), t.column(key[seq]).name(), seq + 1, null);
            }
        }
        return result.sortBy(3).toResultSet();
    }

    /**
     * Foreign keys as JDBC describes them: {@code parent} and {@code child} are exact (schema may be
     * null) table filters, either null for any. PK_NAME is left null (the referenced key has no
     * name of its own when it is the primary key).
     */
    RecallResultSet foreignKeys(String catalogFilter, String parentSchema, String parentTable, String childSchema,
                                String childTable, boolean exported) {
        ResultTable result = ResultTable.of(KEYS);
        if (catalogMatches(catalogFilter)) {
            for (TableDef t : session.tables()) {
                if (childTable != null && !(childTable.equals(t.name())
                        && (childSchema == null || childSchema.equals(t.schema())))) {
                    continue;
                }
                for (io.recall.parser.catalog.ForeignKeyDef fk : t.foreignKeys()) {
                    if (parentTable != null && !(parentTable.equals(fk.parentTable())
                            && (parentSchema == null || parentSchema.equals(fk.parentSchema())))) {
                        continue;
                    }
                    for (int i = 0; i < fk.columns().size(); i++) {
                        result.row(catalog, fk.parentSchema(), fk.parentTable(), fk.parentColumns().get(i), catalog,
                                t.schema(), t.name(), fk.columns().get(i), i + 1, rule(fk.onUpdate()),
                                rule(fk.onDelete()), fk.name(), null, DatabaseMetaData.importedKeyNotDeferrable);
                    }
                }
            }
        }
        return (exported ? result.sortBy(4, 5, 6, 11, 8) : result.sortBy(0, 1, 2, 11, 8)).toResultSet();
    }

    private static int rule(io.recall.parser.catalog.ReferentialAction action) {
        return switch (action) {
            case CASCADE -> DatabaseMetaData.importedKeyCascade;
            case RESTRICT -> DatabaseMetaData.importedKeyRestrict;
            case SET_NULL -> DatabaseMetaData.importedKeySetNull;
            case SET_DEFAULT -> DatabaseMetaData.importedKeySetDefault;
            case NO_ACTION -> DatabaseMetaData.importedKeyNoAction;
        };
    }

    /**
     * The table's indexes, one row per column: the primary key (named {@code <TABLE>_PKEY}, as
     * PostgreSQL names it), UNIQUE constraints and CREATE INDEX indexes, unique ones only when
     * {@code uniqueOnly}. Sorted as JDBC asks: NON_UNIQUE, TYPE, INDEX_NAME, ORDINAL_POSITION.
     */
    RecallResultSet indexInfo(String catalogFilter, String schema, String table, boolean uniqueOnly) {
        ResultTable result = ResultTable.of(INDEX_INFO);
        for (TableDef t : table(catalogFilter, schema, table)) {
            int[] pk = t.primaryKey();
            for (int k = 0; k < pk.length; k++) {
                result.row(catalog, t.schema(), t.name(), false, null, t.name() + "_PKEY",
                        DatabaseMetaData.tableIndexOther, k + 1, t.column(pk[k]).name(), "A", null, null, null);
            }
            for (io.recall.parser.catalog.IndexDef ix : session.indexes(t)) {
                if (uniqueOnly && !ix.unique()) {
                    continue;
                }
                for (int i = 0; i < ix.columns().size(); i++) {
                    result.row(catalog, t.schema(), t.name(), !ix.unique(), null, ix.name(),
                            DatabaseMetaData.tableIndexOther, i + 1, ix.columns().get(i),
                            ix.descending().get(i) ? "D" : "A", null, null, null);
                }
            }
        }
        return result.sortBy(3, 6, 5, 7).toResultSet();
    }

    /** The primary key is the best row identifier, valid for the session. */
    RecallResultSet bestRowIdentifier(String catalogFilter, String schema, String table) {
        ResultTable result = ResultTable.of(ROW_IDENTIFIER);
        for (TableDef t : table(catalogFilter, schema, table)) {
            for (int k : t.primaryKey()) {
                ColumnType type = t.column(k).type();
                Integer digits = decimalDigits(type);
                result.row(DatabaseMetaData.bestRowSession, t.column(k).name(), JdbcTypes.code(type.type()),
                        JdbcTypes.name(type), type.precision(), null, digits,
                        DatabaseMetaData.bestRowNotPseudo);
            }
        }
        return result.sortBy(0).toResultSet();
    }

    RecallResultSet schemas(String catalogFilter, String schemaPattern) {
        ResultTable result = ResultTable.of("TABLE_SCHEM TABLE_CATALOG");
        if (catalogMatches(catalogFilter)) {
            NamePattern pattern = new NamePattern(schemaPattern);
            for (String schema : session.schemas()) {
                if (pattern.matches(schema)) {
                    result.row(schema, catalog);
                }
            }
        }
        return result.sortBy(1, 0).toResultSet();
    }

    RecallResultSet catalogs() {
        ResultTable result = ResultTable.of("TABLE_CAT");
        if (catalog != null) {
            result.row(catalog);
        }
        return result.toResultSet();
    }

    static RecallResultSet tableTypes() {
        return ResultTable.of("TABLE_TYPE").row(TABLE_TYPE).row(VIEW_TYPE).toResultSet();
    }

    static RecallResultSet typeInfo() {
        ResultTable result = ResultTable.of(TYPE_INFO);
        for (SqlType t : SqlType.values()) {
            if (t == SqlType.UNKNOWN) {
                continue;
            }
            ColumnType type = ColumnType.of(t);
            String prefix = t.isString() ? "'" : t.isBinary() ? "X'" : t.isDateTime() || t == SqlType.UUID
                    ? t.sqlName() + " '" : null;
            String params = t == SqlType.DECIMAL ? "PRECISION,SCALE"
                    : t == SqlType.CHAR || t == SqlType.VARCHAR || t == SqlType.BINARY || t == SqlType.VARBINARY
                    ? "LENGTH" : null;
            int maxScale = t == SqlType.DECIMAL ? Short.MAX_VALUE : JdbcTypes.scale(type);
            result.row(JdbcTypes.name(t), JdbcTypes.code(t), type.precision(), prefix, prefix == null ? null : "'",
                    params, DatabaseMetaData.typeNullable, t.isString(), DatabaseMetaData.typeSearchable,
                    false, false, t.isExactInteger(), null, 0, maxScale, null, null,
                    t.isNumeric() ? 10 : null);
        }
        return result.sortBy(1, 0).toResultSet();
    }
}
