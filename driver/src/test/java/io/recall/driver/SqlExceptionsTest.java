package io.recall.driver;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import org.junit.jupiter.api.Test;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlExceptionsTest {
    private static SQLException map(ErrorCode code) {
        return SqlExceptions.of(new RecallException(code, "boom"), "SELECT 1");
    }

    @Test
    void subclassFollowsTheSqlStateClass() {
        assertEquals(SQLNonTransientConnectionException.class, map(ErrorCode.CONNECTION_CLOSED).getClass());
        assertEquals(SQLFeatureNotSupportedException.class, map(ErrorCode.NOT_SUPPORTED).getClass());
        assertEquals(SQLDataException.class, map(ErrorCode.INVALID_CAST).getClass());
        assertEquals(SQLIntegrityConstraintViolationException.class, map(ErrorCode.UNIQUE_VIOLATION).getClass());
        assertEquals(SQLTransactionRollbackException.class, map(ErrorCode.LOCK_TIMEOUT).getClass());
        assertEquals(SQLSyntaxErrorException.class, map(ErrorCode.SYNTAX_ERROR).getClass());
        assertEquals(SQLSyntaxErrorException.class, map(ErrorCode.CARDINALITY_VIOLATION).getClass());
        assertEquals(SQLSyntaxErrorException.class, map(ErrorCode.SCHEMA_NOT_FOUND).getClass());
        assertEquals(SQLSyntaxErrorException.class, map(ErrorCode.SCHEMA_NOT_EMPTY).getClass());
        assertEquals(SQLTimeoutException.class, map(ErrorCode.QUERY_CANCELED).getClass());
        assertEquals(SQLException.class, map(ErrorCode.READ_ONLY_TRANSACTION).getClass());
        assertEquals(SQLException.class, map(ErrorCode.PARAMETER_NOT_SET).getClass());
    }

    @Test
    void keepsStateMessageAndCause() {
        RecallException cause = new RecallException(ErrorCode.UNIQUE_VIOLATION, "Duplicate key 1");
        SQLException e = SqlExceptions.of(cause, "INSERT");
        assertEquals("23505", e.getSQLState());
        assertEquals("Duplicate key 1", e.getMessage());
        assertSame(cause, e.getCause());
    }

    @Test
    void unexpectedFailuresBecomeInternalErrorsNamingTheStatement() {
        SQLException e = SqlExceptions.of(new IllegalStateException("oops"), "DELETE FROM t");
        assertEquals("XX000", e.getSQLState());
        assertTrue(e.getMessage().contains("DELETE FROM t"), e.getMessage());
        assertTrue(e.getMessage().contains("oops"), e.getMessage());
        assertEquals("XX000", SqlExceptions.of(new AssertionError("bad"), null).getSQLState());
    }

    @Test
    void virtualMachineErrorsAreNotSwallowed() {
        assertThrows(OutOfMemoryError.class, () -> SqlExceptions.of(new OutOfMemoryError("full"), "x"));
    }

    @Test
    void sqlExceptionsPassThrough() {
        SQLException original = new SQLException("x", "42000");
        assertSame(original, SqlExceptions.of(original, "y"));
    }
}
