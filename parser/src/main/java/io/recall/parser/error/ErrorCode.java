package io.recall.parser.error;

/**
 * Every failure Recall reports, with its SQLState. The driver maps the SQLState class to the
 * matching {@code SQLException} subclass in one place; nothing else decides SQLStates.
 */
public enum ErrorCode {
    SYNTAX_ERROR("42601"),
    TABLE_NOT_FOUND("42P01"),
    COLUMN_NOT_FOUND("42703"),
    AMBIGUOUS_COLUMN("42702"),
    DUPLICATE_COLUMN("42701"),
    TABLE_EXISTS("42P07"),
    INDEX_EXISTS("42P07"),
    UNDEFINED_OBJECT("42704"),
    WRONG_OBJECT_TYPE("42809"),
    SCHEMA_NOT_FOUND("3F000"),
    SCHEMA_EXISTS("42P06"),
    SCHEMA_NOT_EMPTY("2BP01"),
    FUNCTION_NOT_FOUND("42883"),
    TYPE_MISMATCH("42804"),
    INVALID_DEFINITION("42P16"),
    GROUPING_ERROR("42803"),
    WINDOWING_ERROR("42P20"),
    INVALID_RECURSION("42P19"),
    DUPLICATE_ALIAS("42712"),
    INVALID_COLUMN_REFERENCE("42P10"),
    GENERATED_ALWAYS("428C9"),
    STRING_TOO_LONG("22001"),
    NUMERIC_OUT_OF_RANGE("22003"),
    INVALID_DATETIME("22007"),
    DIVISION_BY_ZERO("22012"),
    INVALID_CAST("22018"),
    INVALID_PARAMETER_VALUE("22023"),
    INVALID_ESCAPE("22025"),
    NOT_NULL_VIOLATION("23502"),
    UNIQUE_VIOLATION("23505"),
    CARDINALITY_VIOLATION("21000"),
    PARAMETER_NOT_SET("07001"),
    INVALID_TRANSACTION_STATE("25000"),
    READ_ONLY_TRANSACTION("25006"),
    LOCK_TIMEOUT("40001"),
    QUERY_CANCELED("57014"),
    STATEMENT_TOO_COMPLEX("54001"),
    CONNECTION_CLOSED("08003"),
    CONNECTION_FAILED("08001"),
    NOT_SUPPORTED("0A000"),
    INVALID_STATE("HY010"),
    INTERNAL_ERROR("XX000");

    private final String sqlState;

    ErrorCode(String sqlState) {
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }
}
