package io.recall.engine.query;

import java.util.List;

/**
 * The rows of a query still to be read, handed out a batch at a time (a streamed result set). Used by one
 * thread at a time, the connection's; {@link #close} may come from any thread.
 */
public interface RowCursor {
    /**
     * The next rows in order, at most {@code rows} of them (0: the fetch size the query was opened with); an empty
     * list once every row has been read.
     */
    List<Object[]> fetch(int rows);

    /** Stops the query: rows not fetched yet are never read. Closing twice does nothing. */
    void close();
}
