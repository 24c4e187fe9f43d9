package io.recall.cluster;


import io.recall.engine.storage.RowShape;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryRemoved;
import org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryModifiedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryRemovedEvent;

import java.util.List;

/**
 * Keeps a table's ordered indexes in step with its committed rows. Registered as a synchronous
 * listener observing only POST events: those fire once per key at commit, before commit()
 * returns, never for a rolled-back write (infinispan-16.md §8, §13.4). One method per event type,
 * because an event delivered to a method with several annotations implements every event interface.
 */
@Listener(sync = true, observation = Listener.Observation.POST)
public final class IndexMaintainer {
    private volatile List<SortedIndex> indexes = List.of();
    private volatile RowShape shape;

    List<SortedIndex> indexes() {
        return indexes;
    }

    void setIndexes(List<SortedIndex> next) {
        indexes = List.copyOf(next);
    }

    /** Rows written before a column was added are padded before they are indexed. */
    void setShape(RowShape next) {
        shape = next;
    }

    @CacheEntryCreated
    public void created(CacheEntryCreatedEvent<Object, Object> e) {
        if (!e.isPre()) {
            put(e.getKey(), e.getValue());
        }
    }

    @CacheEntryModified
    public void modified(CacheEntryModifiedEvent<Object, Object> e) {
        if (!e.isPre()) {
            put(e.getKey(), e.getNewValue());
        }
    }

    @CacheEntryRemoved
    public void removed(CacheEntryRemovedEvent<Object, Object> e) {
        if (!e.isPre()) {
            for (SortedIndex index : indexes) {
                index.remove(e.getKey());
            }
        }
    }

    private void put(Object key, Object stored) {
        RowShape s = shape;
        Object[] values = CacheTableStore.rowOf(stored);
        Object[] row = s == null ? values : s.pad(values);
        for (SortedIndex index : indexes) {
            if (row == null) {
                index.remove(key);
            } else {
                index.put(key, row);
            }
        }
    }
}
