package io.recall.cluster;

import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which replicated caches each open transaction of this member wrote: each is one part of its commit on the other
 * members ({@link RemoteCommits}). Kept only in a cluster.
 */
final class CommitParts {
    private final TransactionManager transactions;
    private final Map<Transaction, Set<String>> written = new ConcurrentHashMap<>();

    CommitParts(TransactionManager transactions) {
        this.transactions = transactions;
    }

    /** The calling thread's transaction wrote the cache. */
    void note(String cache) {
        try {
            Transaction tx = transactions.getTransaction();
            if (tx != null) {
                written.computeIfAbsent(tx, t -> ConcurrentHashMap.newKeySet()).add(cache);
            }
        } catch (SystemException e) {
            // no transaction to note it for: the write fails on its own (caches refuse writes outside one)
        }
    }

    /** How many caches the transaction wrote; forgets it. */
    int take(Transaction tx) {
        Set<String> caches = written.remove(tx);
        return caches == null ? 0 : caches.size();
    }
}
