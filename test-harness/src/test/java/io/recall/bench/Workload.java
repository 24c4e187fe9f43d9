package io.recall.bench;

import java.sql.SQLException;

/**
 * One benchmark workload: set up once per engine, then {@link #run} is one timed operation. Every run
 * checks its own result (row or update counts, a value) and throws {@link WrongAnswer} when it is wrong,
 * so a wrong answer fails the benchmark instead of looking fast. Repeated queries vary a parameter with
 * {@code i}: H2 hands back a cached result for an identical re-executed query on unchanged tables.
 */
interface Workload {
    /** Short name, used in the report and by {@code -Dbench.only}. */
    String name();

    /** What one operation is, for the report. */
    String description();

    void setUp(Dataset dataset) throws SQLException;

    /** The {@code i}-th operation, timed. */
    void run(long i) throws SQLException;

    /** Untimed, after each round: lets writes that grow a table start the next round small again. */
    default void afterRound() throws SQLException {
    }

    /** Closes statements; the runner closes the connection. */
    void tearDown() throws SQLException;
}
