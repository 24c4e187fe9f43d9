package io.recall.cluster;

import io.recall.engine.storage.CatalogStore;
import org.infinispan.Cache;

import java.util.HashMap;
import java.util.Map;

/** The catalog's text entries in their own transactional cache; each write commits on its own. */
final class CacheCatalogStore implements CatalogStore {
    private final Cache<String, String> cache;

    CacheCatalogStore(Cache<String, String> cache) {
        this.cache = cache;
    }

    @Override
    public Map<String, String> entries() {
        return new HashMap<>(cache);
    }

    @Override
    public void put(String key, String value) {
        cache.put(key, value);
    }

    @Override
    public void remove(String key) {
        cache.remove(key);
    }
}
