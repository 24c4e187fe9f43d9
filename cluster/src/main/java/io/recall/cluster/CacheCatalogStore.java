package io.recall.cluster;

import io.recall.engine.storage.CatalogStore;
import jakarta.transaction.TransactionManager;
import org.infinispan.Cache;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The catalog's text entries in their own transactional cache; each write commits on its own. */
final class CacheCatalogStore implements CatalogStore {
    private final Cache<String, String> cache;

    private final TransactionManager transactions;
    /** The journal of a database on disc; null in memory. */
    private final CommitJournal journal;
    /** The commit marker of a cluster member; null on a single node. */
    private final CommitMarker marker;
    private final CommitParts parts;

    CacheCatalogStore(Cache<String, String> cache, TransactionManager transactions, CommitJournal journal,
                      CommitMarker marker, CommitParts parts) {
        this.parts = parts;
        this.cache = cache;
        this.transactions = transactions;
        this.journal = journal;
        this.marker = marker;
    }

    @Override
    public Map<String, String> entries() {
        return new HashMap<>(cache);
    }

    /** Through {@link #write}: on disc every change of the catalog must be journaled, or replaying the journal
     * could put back an older entry over it. */
    @Override
    public void put(String key, String value) {
        write(List.of(), Map.of(key, value));
    }

    @Override
    public void remove(String key) {
        write(List.of(key), Map.of());
    }

    @Override
    public void write(Collection<String> removed, Map<String, String> put) {
        JtaTransaction tx = JtaTransaction.begin(transactions, journal, marker, parts);
        if (parts != null) {
            parts.note(cache.getName());
        }
        try {
            for (String key : removed) {
                cache.remove(key);
                if (journal != null) {
                    journal.record(cache.getName(), key, null);
                }
            }
            for (Map.Entry<String, String> e : put.entrySet()) {
                cache.put(e.getKey(), e.getValue());
                if (journal != null) {
                    journal.record(cache.getName(), e.getKey(), e.getValue());
                }
            }
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
        tx.commit();
    }
}
