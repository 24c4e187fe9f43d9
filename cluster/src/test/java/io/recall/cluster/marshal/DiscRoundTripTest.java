package io.recall.cluster.marshal;

import io.recall.cluster.CacheUniqueKeys;
import io.recall.engine.storage.BinaryKey;
import io.recall.engine.storage.CompositeKey;
import jakarta.transaction.TransactionManager;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.cache.IsolationLevel;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.transaction.LockingMode;
import org.infinispan.transaction.TransactionMode;
import org.infinispan.transaction.lookup.EmbeddedTransactionManagerLookup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.recall.cluster.marshal.Samples.assertSameRow;
import static io.recall.cluster.marshal.Samples.assertSameValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rows and keys of every kind survive a file store through {@link RecallMarshaller}: written in one transaction
 * to LOCAL pessimistic caches with a SoftIndexFileStore (write-through), read back equal, class by class, by a new
 * cache manager on the same folder, both preloaded (every entry decoded from disc at start) and read through the
 * store key by key (which finds a key by its encoded bytes).
 */
class DiscRoundTripTest {
    @TempDir
    Path dir;

    private DefaultCacheManager open(boolean preload) {
        GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
        global.jmx().enabled(false);
        global.globalState().enable().persistentLocation(dir.toString());
        global.serialization().marshaller(new RecallMarshaller());
        DefaultCacheManager manager = new DefaultCacheManager(global.build());
        for (String name : List.of("t1", "__unique", "__catalog")) {
            ConfigurationBuilder b = new ConfigurationBuilder();
            b.clustering().cacheMode(CacheMode.LOCAL);
            b.transaction().transactionMode(TransactionMode.TRANSACTIONAL).lockingMode(LockingMode.PESSIMISTIC)
                    .transactionManagerLookup(new EmbeddedTransactionManagerLookup());
            b.locking().isolationLevel(IsolationLevel.REPEATABLE_READ);
            b.persistence().passivation(false).addSoftIndexFileStore()
                    .dataLocation(dir.resolve(name).resolve("data").toString())
                    .indexLocation(dir.resolve(name).resolve("index").toString())
                    .preload(preload);
            manager.defineConfiguration(name, b.build());
        }
        return manager;
    }

    /** Table rows under every key kind, each row holding every canonical class and its key. */
    private static Map<Object, Object[]> rows() {
        Map<Object, Object[]> rows = new LinkedHashMap<>();
        for (Object key : Samples.keys()) {
            Object[] row = Samples.everyClass();
            row[0] = key instanceof CompositeKey || key instanceof BinaryKey ? key.toString() : key;
            rows.put(key, row);
        }
        return rows;
    }

    private static Map<CacheUniqueKeys.Entry, Object> uniqueEntries() {
        Map<CacheUniqueKeys.Entry, Object> entries = new HashMap<>();
        entries.put(new CacheUniqueKeys.Entry("i1", "alpha"), 1L);
        entries.put(new CacheUniqueKeys.Entry("i2", Samples.INDIA), new BinaryKey(new byte[] {4, 2}));
        entries.put(new CacheUniqueKeys.Entry("i3", new CompositeKey(new Object[] {new BigDecimal("1.5"), "x"})),
                new CompositeKey(new Object[] {7L, "b", new BinaryKey(new byte[] {9}), Samples.INDIA}));
        return entries;
    }

    @ParameterizedTest(name = "preload {0}")
    @ValueSource(booleans = {true, false})
    void everyEntryComesBackFromDiscEqual(boolean preload) throws Exception {
        Map<Object, Object[]> rows = rows();
        Map<CacheUniqueKeys.Entry, Object> unique = uniqueEntries();
        DefaultCacheManager first = open(preload);
        try {
            Cache<Object, StoredRow> table = first.getCache("t1");
            Cache<CacheUniqueKeys.Entry, Object> claims = first.getCache("__unique");
            Cache<String, String> catalog = first.getCache("__catalog");
            TransactionManager tm = table.getAdvancedCache().getTransactionManager();
            tm.begin();
            rows.forEach((k, row) -> table.put(k, new StoredRow(row)));
            claims.putAll(unique);
            catalog.put("table:PUBLIC.T", "t1\nCREATE TABLE \"PUBLIC\".\"T\" (\"ID\" BIGINT PRIMARY KEY)");
            tm.commit();
        } finally {
            first.stop();
        }

        DefaultCacheManager again = open(preload);
        try {
            Cache<Object, StoredRow> table = again.getCache("t1");
            Cache<CacheUniqueKeys.Entry, Object> claims = again.getCache("__unique");
            Cache<String, String> catalog = again.getCache("__catalog");
            assertEquals(rows.size(), table.size());
            List<Object> freshKeys = Samples.keys();
            for (Object key : freshKeys) {
                assertSameRow(rows.get(key), table.get(key).values());
            }
            for (Object key : new HashSet<>(table.keySet())) {
                assertSameValue(freshKeys.get(freshKeys.indexOf(key)), key);
            }
            for (Map.Entry<CacheUniqueKeys.Entry, Object> e : uniqueEntries().entrySet()) {
                assertSameValue(e.getValue(), claims.get(e.getKey()));
            }
            assertEquals(unique.keySet(), new HashSet<>(claims.keySet()));
            assertEquals("t1\nCREATE TABLE \"PUBLIC\".\"T\" (\"ID\" BIGINT PRIMARY KEY)", catalog.get("table:PUBLIC.T"));
        } finally {
            again.stop();
        }
    }
}
