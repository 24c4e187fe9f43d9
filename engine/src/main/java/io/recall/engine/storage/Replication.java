package io.recall.engine.storage;

import java.util.Collection;
import java.util.List;

/**
 * What a store replicated over several nodes adds to the SPI ({@link Store#replication()}; null on a single node).
 * The store replicates rows, locks and the catalog itself; the engine follows what other nodes do through
 * {@link ReplicaEvents} and serialises schema changes across the cluster with {@link #lockSchema}.
 */
public interface Replication {
    /** Starts telling {@code events} what other nodes do here. */
    void listen(ReplicaEvents events);

    /**
     * Takes the cluster-wide schema lock (one DDL statement at a time in the whole cluster), waiting up to
     * {@code timeoutMillis}; {@code 40001} when another node holds it that long.
     */
    SchemaLock lockSchema(long timeoutMillis);

    /**
     * Refuses a statement ({@code 08006}) when this node is cut off from the majority of its cluster and its
     * partition policy does not serve such statements ({@code write}: the statement writes).
     */
    void checkAvailable(boolean write);

    /** Lets go of this node's copy of a table another node dropped (its rows stay wherever the table still is). */
    void forgetTable(String storageName);

    /**
     * Waits until every member of the cluster holds a copy of each named table, so that a commit acknowledged
     * from now on is on every member; tables another member has not opened yet are opened by it on its own.
     */
    void awaitCopies(Collection<String> storageNames, long timeoutMillis);

    /** This node's name. */
    String nodeName();

    /** The names of the members of the cluster as this node sees it, this node included. */
    List<String> members();

    /** A cluster-wide lock, released by closing it. */
    interface SchemaLock extends AutoCloseable {
        @Override
        void close();
    }
}
