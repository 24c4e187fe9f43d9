package io.recall.engine.storage;

/**
 * Named counters for identity columns and hidden row ids. Not transactional, as in every SQL
 * database: a rolled-back insert does not give its number back.
 */
public interface Sequences {
    long next(String name);

    /** Makes sure later {@link #next} calls return values above {@code value}. */
    void advancePast(String name, long value);

    /** The last value handed out (or advanced past); 0 for a sequence never used. */
    long current(String name);

    void drop(String name);
}
