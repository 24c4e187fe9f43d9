package io.recall.cluster;

import io.recall.engine.DatabaseSettings;
import io.recall.engine.storage.CatalogStore;
import io.recall.engine.storage.Sequences;
import io.recall.engine.storage.Store;
import io.recall.engine.storage.StoreTransaction;
import io.recall.engine.storage.TableStore;
import io.recall.engine.storage.UniqueKeys;
import io.recall.parser.catalog.TableOptions;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.Configuration;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.cache.IsolationLevel;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.transaction.LockingMode;
import org.infinispan.transaction.TransactionMode;
import org.infinispan.transaction.lookup.EmbeddedTransactionManagerLookup;

import jakarta.transaction.TransactionManager;

/**
 * The storage SPI on an embedded Infinispan cache manager: one transactional, pessimistic cache
 * per table plus one for the catalog, all enlisted in the same JTA transaction. This is the
 * in-memory, single-node form ({@code ram_copies}); persistence and replication are cache
 * configuration added by later work, not a different store.
 */
public final class InfinispanStore implements Store {
    static final String CATALOG_CACHE = "__catalog";
    static final String UNIQUE_CACHE = "__unique";
    private final DefaultCacheManager manager;
    private final Configuration tableConfiguration;
    private final TransactionManager transactions;
    private final CacheCatalogStore catalog;
    private final CacheUniqueKeys uniqueKeys;
    private final LocalSequences sequences = new LocalSequences();

    public InfinispanStore(String databaseName) {
        this(databaseName, DatabaseSettings.DEFAULT_LOCK_TIMEOUT_MILLIS);
    }

    /**
     * {@code lockTimeoutMillis} is the wait of the locks a write takes itself
     * ({@link TableStore#putLocking}): give the database's lock timeout, so that sessions keeping
     * it can skip a separate lock before such writes. Other row locks are taken with the
     * session's own timeout.
     */
    public InfinispanStore(String databaseName, long lockTimeoutMillis) {
        GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
        global.cacheManagerName("recall-" + databaseName);
        global.jmx().enabled(false);
        manager = new DefaultCacheManager(global.build());
        tableConfiguration = tableConfiguration(lockTimeoutMillis);
        manager.defineConfiguration(CATALOG_CACHE, tableConfiguration);
        Cache<String, String> catalogCache = manager.getCache(CATALOG_CACHE);
        transactions = catalogCache.getAdvancedCache().getTransactionManager();
        catalog = new CacheCatalogStore(catalogCache);
        manager.defineConfiguration(UNIQUE_CACHE, tableConfiguration);
        Cache<CacheUniqueKeys.Entry, Object> uniqueCache = manager.getCache(UNIQUE_CACHE);
        uniqueKeys = new CacheUniqueKeys(uniqueCache);
    }

    private static Configuration tableConfiguration(long lockTimeoutMillis) {
        ConfigurationBuilder b = new ConfigurationBuilder();
        b.clustering().cacheMode(CacheMode.LOCAL);
        b.transaction().transactionMode(TransactionMode.TRANSACTIONAL).lockingMode(LockingMode.PESSIMISTIC)
                .transactionManagerLookup(new EmbeddedTransactionManagerLookup())
                // a dropped or rewritten table's cache stops at once: the engine refuses the commits of
                // transactions that wrote it, so waiting for them (30 s by default) would only hold DDL up
                .cacheStopTimeout(0);
        b.locking().isolationLevel(IsolationLevel.REPEATABLE_READ).lockAcquisitionTimeout(lockTimeoutMillis);
        b.statistics().enabled(false);
        return b.build();
    }

    @Override
    public TableStore createTable(String storageName, TableOptions options) {
        manager.defineConfiguration(storageName, tableConfiguration);
        return openTable(storageName, options);
    }

    @Override
    public TableStore openTable(String storageName, TableOptions options) {
        Cache<Object, Object[]> cache = manager.getCache(storageName);
        return new CacheTableStore(cache, transactions, options.storage());
    }

    @Override
    public void dropTable(String storageName) {
        manager.administration().removeCache(storageName);
        manager.undefineConfiguration(storageName);
    }

    @Override
    public CatalogStore catalog() {
        return catalog;
    }

    @Override
    public Sequences sequences() {
        return sequences;
    }

    @Override
    public UniqueKeys uniqueKeys() {
        return uniqueKeys;
    }

    @Override
    public StoreTransaction begin() {
        return JtaTransaction.begin(transactions);
    }

    @Override
    public void close() {
        manager.stop();
    }
}
