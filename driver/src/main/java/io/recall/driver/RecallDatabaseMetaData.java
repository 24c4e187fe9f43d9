package io.recall.driver;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * What Recall is and can do. Tools pick features and dialects from these answers, so a wrong
 * "true" is a bug: every true capability, every listed function and keyword is exercised through
 * JDBC by test-harness's {@code MetaDataCapabilitiesTest}, and so is the refusal behind most false
 * ones (no savepoints, procedures, privileges, catalog-qualified names, positioned updates,
 * scrollable or updatable result sets; DDL commits the open transaction). The answers that are
 * rows come from {@link CatalogResultSets}.
 */
public final class RecallDatabaseMetaData implements DatabaseMetaData {
    static final String PRODUCT_NAME = "Recall";
    static final int MAJOR = 0;
    static final int MINOR = 1;
    static final String VERSION = "0.1.0";
    static final String DRIVER_NAME = "Recall JDBC Driver";

    private final RecallConnection connection;

    RecallDatabaseMetaData(RecallConnection connection) {
        this.connection = connection;
    }

    private CatalogResultSets rows() throws SQLException {
        connection.checkOpen();
        return new CatalogResultSets(connection.catalog(), connection.session());
    }

    private ResultSet answer(JdbcObject.Call<ResultSet> call) throws SQLException {
        return connection.open(call);
    }

    private ResultSet empty(String layout) throws SQLException {
        return answer(() -> CatalogResultSets.empty(layout));
    }

    @Override
    public String getURL() throws SQLException {
        connection.checkOpen();
        return connection.url().url();
    }

    @Override
    public String getUserName() throws SQLException {
        return connection.open(() -> connection.session().user());
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public String getDatabaseProductName() {
        return PRODUCT_NAME;
    }

    @Override
    public String getDatabaseProductVersion() {
        return VERSION;
    }

    @Override
    public int getDatabaseMajorVersion() {
        return MAJOR;
    }

    @Override
    public int getDatabaseMinorVersion() {
        return MINOR;
    }

    @Override
    public String getDriverName() {
        return DRIVER_NAME;
    }

    @Override
    public String getDriverVersion() {
        return VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return MAJOR;
    }

    @Override
    public int getDriverMinorVersion() {
        return MINOR;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 2;
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    @Override
    public boolean allProceduresAreCallable() {
        return true;
    }

    @Override
    public boolean allTablesAreSelectable() {
        return true;
    }

    @Override
    public boolean nullsAreSortedHigh() {
        return false;
    }

    @Override
    public boolean nullsAreSortedLow() {
        return true;
    }

    @Override
    public boolean nullsAreSortedAtStart() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() {
        return false;
    }

    @Override
    public boolean usesLocalFiles() {
        return connection.url().onDisc();
    }

    @Override
    /** Each table of a database on disc has its own file store, in {@code caches/<storage name>}. */
    public boolean usesLocalFilePerTable() {
        return connection.url().onDisc();
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    /**
     * Words that Recall does not take as an unquoted table or column name (its SQL parser reserves
     * them) and that SQL:2003 does not reserve: a tool quotes a name that is one of these.
     */
    @Override
    public String getSQLKeywords() {
        return "ABSENT,CONNECT_BY_ROOT,CSV,DISTINCTROW,ERRORS,EXCLUDE,EXCLUDES,EXTEND,FBV,FILE,FINAL,FORCE,ILIKE,"
                + "IMPORT,INCLUDES,LIMIT,MINUS,NOCYCLE,OFFSET,PIVOT,PREFERRING,PREWHERE,PRIOR,QUALIFY,RETURNING,"
                + "SAMPLE,SCRIPT,SEMI,SETTINGS,SQL_CACHE,SQL_CALC_FOUND_ROWS,SQL_NO_CACHE,STATEMENT,STRAIGHT_JOIN,TOP,"
                + "UNBOUNDED,UNPIVOT,USE,VERIFY,XMLSERIALIZE,XOR";
    }

    /*
     * The function lists name what evaluates both as a plain call and inside the JDBC escape
     * {fn ...}. Left out: POSITION (its standard form POSITION(a IN b) is refused), and
     * CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP (the parser refuses them inside {fn ...}; as
     * plain SQL they work, and CURDATE, CURTIME and NOW are the escape's names for them).
     */

    @Override
    public String getNumericFunctions() {
        return "ABS,CEIL,CEILING,FLOOR,MOD,POWER,RAND,RANDOM,ROUND,SIGN,SQRT";
    }

    @Override
    public String getStringFunctions() {
        return "CHARACTER_LENGTH,CHAR_LENGTH,CONCAT,LCASE,LEFT,LENGTH,LOWER,LTRIM,REPLACE,RIGHT,RTRIM,SUBSTRING,TRIM,"
                + "UCASE,UPPER";
    }

    @Override
    public String getSystemFunctions() {
        return "COALESCE,GREATEST,IFNULL,LEAST,NULLIF,RANDOM_UUID";
    }

    @Override
    public String getTimeDateFunctions() {
        return "CURDATE,CURTIME,LOCALTIME,LOCALTIMESTAMP,NOW";
    }

    /** Pattern arguments of the catalog methods escape {@code %} and {@code _} with it ({@link NamePattern}). */
    @Override
    public String getSearchStringEscape() {
        return String.valueOf(NamePattern.ESCAPE);
    }

    /**
     * Usable anywhere in an unquoted name. Not {@code @}: the parser reads {@code t@x} after a table
     * as Oracle's database link.
     */
    @Override
    public String getExtraNameCharacters() {
        return "$#";
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() {
        return true;
    }

    @Override
    public boolean supportsColumnAliasing() {
        return true;
    }

    @Override
    public boolean nullPlusNonNullIsNull() {
        return true;
    }

    @Override
    public boolean supportsConvert() {
        return false;
    }

    @Override
    public boolean supportsConvert(int fromType, int toType) {
        return false;
    }

    @Override
    public boolean supportsTableCorrelationNames() {
        return true;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() {
        return false;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupBy() {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() {
        return true;
    }

    @Override
    public boolean supportsMultipleResultSets() {
        return false;
    }

    @Override
    public boolean supportsMultipleTransactions() {
        return true;
    }

    @Override
    public boolean supportsNonNullableColumns() {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() {
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() {
        return false;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() {
        return true;
    }

    @Override
    public boolean supportsOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins() {
        return true;
    }

    @Override
    public String getSchemaTerm() {
        return "schema";
    }

    @Override
    public String getProcedureTerm() {
        return "procedure";
    }

    @Override
    public String getCatalogTerm() {
        return "catalog";
    }

    @Override
    public boolean isCatalogAtStart() {
        return true;
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public boolean supportsSchemasInDataManipulation() {
        return true;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() {
        return true;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() {
        return true;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsPositionedDelete() {
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate() {
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate() {
        return true;
    }

    @Override
    public boolean supportsStoredProcedures() {
        return false;
    }

    @Override
    public boolean supportsSubqueriesInComparisons() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() {
        return true;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() {
        return true;
    }

    @Override
    public boolean supportsUnion() {
        return true;
    }

    @Override
    public boolean supportsUnionAll() {
        return true;
    }

    /** Result sets are fully read when a statement runs, so they survive commit and rollback. */
    @Override
    public boolean supportsOpenCursorsAcrossCommit() {
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() {
        return true;
    }

    @Override
    public int getMaxBinaryLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxColumnNameLength() {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex() {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() {
        return 0;
    }

    @Override
    public int getMaxColumnsInTable() {
        return 0;
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength() {
        return 0;
    }

    @Override
    public int getMaxIndexLength() {
        return 0;
    }

    @Override
    public int getMaxSchemaNameLength() {
        return 0;
    }

    @Override
    public int getMaxProcedureNameLength() {
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength() {
        return 0;
    }

    @Override
    public int getMaxRowSize() {
        return 0;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() {
        return false;
    }

    @Override
    public int getMaxStatementLength() {
        return 0;
    }

    @Override
    public int getMaxStatements() {
        return 0;
    }

    @Override
    public int getMaxTableNameLength() {
        return 0;
    }

    @Override
    public int getMaxTablesInSelect() {
        return 0;
    }

    @Override
    public int getMaxUserNameLength() {
        return 0;
    }

    /** What a connection gets unless told otherwise, as in PostgreSQL. */
    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_READ_COMMITTED;
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    /** Every level; READ UNCOMMITTED is raised to READ COMMITTED (README, "Isolation levels"). */
    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level != Connection.TRANSACTION_NONE;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return false;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() {
        return true;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() {
        return true;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() {
        return false;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean ownUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int type) {
        return false;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsSavepoints() {
        return true;
    }

    @Override
    public boolean supportsNamedParameters() {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults() {
        return false;
    }

    @Override
    public boolean supportsGetGeneratedKeys() {
        return true;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public boolean locatorsUpdateCopy() {
        return false;
    }

    @Override
    public boolean supportsStatementPooling() {
        return false;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() {
        return false;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() {
        return false;
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        return answer(() -> rows().tables(catalog, schemaPattern, tableNamePattern, types));
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
                                String columnNamePattern) throws SQLException {
        return answer(() -> rows().columns(catalog, schemaPattern, tableNamePattern, columnNamePattern));
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return answer(() -> rows().schemas(null, null));
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        return answer(() -> rows().schemas(catalog, schemaPattern));
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return answer(() -> rows().catalogs());
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        return answer(CatalogResultSets::tableTypes);
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        return answer(() -> rows().primaryKeys(catalog, schema, table));
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        return answer(() -> rows().bestRowIdentifier(catalog, schema, table));
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        return answer(CatalogResultSets::typeInfo);
    }

    /** Empty until secondary indexes exist (a primary key is not reported as an index yet). */
    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        if (table == null) {
            return empty(CatalogResultSets.INDEX_INFO);
        }
        return answer(() -> rows().indexInfo(catalog, schema, table, unique));
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        if (table == null) {
            return empty(CatalogResultSets.KEYS);
        }
        return answer(() -> rows().foreignKeys(catalog, null, null, schema, table, false));
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        if (table == null) {
            return empty(CatalogResultSets.KEYS);
        }
        return answer(() -> rows().foreignKeys(catalog, schema, table, null, null, true));
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
                                       String foreignCatalog, String foreignSchema, String foreignTable)
            throws SQLException {
        if (parentTable == null || foreignTable == null
                || parentCatalog != null && foreignCatalog != null && !parentCatalog.equals(foreignCatalog)) {
            return empty(CatalogResultSets.KEYS);
        }
        return answer(() -> rows().foreignKeys(parentCatalog != null ? parentCatalog : foreignCatalog, parentSchema,
                parentTable, foreignSchema, foreignTable, true));
    }

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
            throws SQLException {
        return empty(CatalogResultSets.PROCEDURES);
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
                                         String columnNamePattern) throws SQLException {
        return empty(CatalogResultSets.PROCEDURE_COLUMNS);
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        return empty(CatalogResultSets.FUNCTIONS);
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
                                        String columnNamePattern) throws SQLException {
        return empty(CatalogResultSets.FUNCTION_COLUMNS);
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        return empty(CatalogResultSets.COLUMN_PRIVILEGES);
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return empty(CatalogResultSets.TABLE_PRIVILEGES);
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        return empty(CatalogResultSets.ROW_IDENTIFIER);
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
            throws SQLException {
        return empty(CatalogResultSets.UDTS);
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern)
            throws SQLException {
        return empty(CatalogResultSets.SUPER_TYPES);
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return empty(CatalogResultSets.SUPER_TABLES);
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
                                   String attributeNamePattern) throws SQLException {
        return empty(CatalogResultSets.ATTRIBUTES);
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return empty(CatalogResultSets.CLIENT_INFO);
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
                                      String columnNamePattern) throws SQLException {
        return empty(CatalogResultSets.PSEUDO_COLUMNS);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (isWrapperFor(iface)) {
            return iface.cast(this);
        }
        throw SqlExceptions.invalidArgument("Not a wrapper for " + (iface == null ? "null" : iface.getName()));
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }
}
