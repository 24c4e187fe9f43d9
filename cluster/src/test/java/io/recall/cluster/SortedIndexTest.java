package io.recall.cluster;

import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.StoreTransaction;
import io.recall.engine.storage.TableStore;
import io.recall.engine.storage.UniqueKeys;
import io.recall.parser.catalog.TableOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ordered index kept by commit events and the unique-keys cache, on a real Infinispan store. */
class SortedIndexTest {
    private final InfinispanStore store = new InfinispanStore("sorted-index-test");

    @AfterEach
    void close() {
        store.close();
    }

    private static List<Object> keys(OrderedIndex index, Object[] from, Object[] to) {
        List<Object> out = new ArrayList<>();
        index.keys(from, to, out::add);
        return out;
    }

    private static List<Object> equal(OrderedIndex index, Object v) {
        return keys(index, new Object[]{v, IndexLayout.MIN}, new Object[]{v, IndexLayout.MAX});
    }

    private void inTransaction(Runnable work, boolean commit) {
        StoreTransaction tx = store.begin();
        tx.resume();
        work.run();
        if (commit) {
            tx.commit();
        } else {
            tx.rollback();
        }
    }

    @Test
    void builtFromRowsThenKeptInStepByCommitsOnly() {
        TableStore t = store.createTable("t1", TableOptions.DEFAULT);
        inTransaction(() -> {
            t.put(1L, new Object[]{1L, 10});
            t.put(2L, new Object[]{2L, 20});
            t.put(3L, new Object[]{3L, null});
        }, true);
        OrderedIndex index = t.addIndex(new IndexLayout("i1", "IX", new int[]{1}, false));
        assertEquals(List.of(1L), equal(index, 10));
        assertEquals(3, index.size());
        inTransaction(() -> {
            t.put(4L, new Object[]{4L, 10});
            t.put(2L, new Object[]{2L, 10});
            assertEquals(List.of(1L), equal(index, 10), "uncommitted writes are not in the index");
        }, true);
        assertEquals(List.of(1L, 2L, 4L), equal(index, 10));
        assertEquals(List.of(), equal(index, 20));
        inTransaction(() -> {
            t.put(5L, new Object[]{5L, 10});
            t.remove(1L);
        }, false);
        assertEquals(List.of(1L, 2L, 4L), equal(index, 10), "a rollback leaves no trace");
        inTransaction(() -> t.remove(1L), true);
        assertEquals(List.of(2L, 4L), equal(index, 10));
        assertEquals(List.of(3L), equal(index, null));
        assertEquals(List.of(2L, 4L), keys(index, new Object[]{null, IndexLayout.MAX}, new Object[]{IndexLayout.MAX}),
                "a range from just above NULL skips NULLs");
        assertEquals(List.of(), keys(index, new Object[]{10, IndexLayout.MAX}, new Object[]{IndexLayout.MAX}));
        t.removeIndex("i1");
        assertTrue(t.indexes().isEmpty());
    }

    @Test
    void aDescendingColumnRunsFromHighToNullAndWalksBackwards() {
        TableStore t = store.createTable("t2", TableOptions.DEFAULT);
        inTransaction(() -> {
            t.put(1L, new Object[]{1L, 5, 10});
            t.put(2L, new Object[]{2L, 5, null});
            t.put(3L, new Object[]{3L, 5, 30});
            t.put(4L, new Object[]{4L, 6, 20});
            t.put(5L, new Object[]{5L, 5, 30});
        }, true);
        OrderedIndex index = t.addIndex(new IndexLayout("i2", "IX2", new int[]{1, 2}, new boolean[]{false, true}, false));
        Object[] first = {IndexLayout.MIN};
        Object[] last = {IndexLayout.MAX};
        assertEquals(List.of(3L, 5L, 1L, 2L, 4L), keys(index, first, last), "30, 30, 10, NULL under 5; then 6");
        List<Object> backwards = new ArrayList<>();
        index.keysDescending(first, last, backwards::add);
        assertEquals(List.of(4L, 2L, 1L, 5L, 3L), backwards);
        assertEquals(List.of(3L, 5L), keys(index, new Object[]{5, 30, IndexLayout.MIN}, new Object[]{5, 30, IndexLayout.MAX}));
        assertEquals(List.of(1L), keys(index, new Object[]{5, 20, IndexLayout.MIN}, new Object[]{5, null, IndexLayout.MIN}),
                "from 20 down to just before the NULLs");
        List<Object> stopped = new ArrayList<>();
        index.keysDescending(first, last, key -> stopped.add(key) && stopped.size() < 2);
        assertEquals(List.of(4L, 2L), stopped);
        assertEquals(List.of(), keys(index, new Object[]{5, 10, IndexLayout.MIN}, new Object[]{5, 30, IndexLayout.MAX}),
                "bounds the wrong way round read nothing");
    }

    @Test
    void uniqueEntriesLockAcrossTransactionsAndRollBack() throws Exception {
        UniqueKeys unique = store.uniqueKeys();
        StoreTransaction first = store.begin();
        first.resume();
        assertTrue(unique.lock("c1", "v", 100));
        assertNull(unique.holder("c1", "v"));
        unique.put("c1", "v", 1L);
        first.suspend();
        boolean otherGotLock = CompletableFuture.supplyAsync(() -> {
            StoreTransaction second = store.begin();
            second.resume();
            try {
                return unique.lock("c1", "v", 50);
            } finally {
                second.rollback();
            }
        }).get();
        assertFalse(otherGotLock, "the entry stays locked until the first transaction ends");
        first.resume();
        first.rollback();
        inTransaction(() -> {
            assertTrue(unique.lock("c1", "v", 100));
            assertNull(unique.holder("c1", "v"), "rolled back claim left nothing");
            unique.put("c1", "v", 2L);
        }, true);
        inTransaction(() -> {
            assertTrue(unique.lock("c1", "v", 100));
            assertEquals(2L, unique.holder("c1", "v"));
        }, true);
        unique.dropConstraint("c1");
        inTransaction(() -> assertNull(unique.holder("c1", "v")), true);
    }
}
