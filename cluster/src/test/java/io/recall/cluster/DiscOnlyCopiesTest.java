package io.recall.cluster;

import io.recall.engine.storage.StoreTransaction;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.SetType;
import io.recall.parser.catalog.StorageType;
import io.recall.parser.catalog.TableOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A disc_only_copies table keeps a bounded number of rows in memory and reads the others from its file store. */
class DiscOnlyCopiesTest {
    @TempDir
    Path dir;

    @Test
    void rowsBeyondTheBoundAreReadFromDisc() {
        InfinispanStore store = InfinispanStore.onDisc(dir, 1000, false, 100);
        try {
            TableStore table = store.createTable("t1", new TableOptions(StorageType.DISC_ONLY_COPIES, SetType.SET));
            for (int batch = 0; batch < 20; batch++) {
                StoreTransaction tx = store.begin();
                for (int i = batch * 100; i < batch * 100 + 100; i++) {
                    table.put(i, new Object[]{i, "row" + i});
                }
                tx.commit();
            }
            assertTrue(((CacheTableStore) table).rowsInMemory() <= 100, "rows in memory: "
                    + ((CacheTableStore) table).rowsInMemory());
            assertEquals(2000, table.estimatedRows());
            long[] seen = {0};
            table.scan(null, (key, row) -> {
                seen[0]++;
                return true;
            });
            assertEquals(2000, seen[0]);
            for (int i = 0; i < 2000; i += 37) {
                assertArrayEquals(new Object[]{i, "row" + i}, table.get(i));
                assertArrayEquals(new Object[]{i, "row" + i}, table.getCommitted(i));
            }
            assertTrue(((CacheTableStore) table).rowsInMemory() <= 100);
        } finally {
            store.close();
        }
    }
}
