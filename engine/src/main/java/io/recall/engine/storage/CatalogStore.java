package io.recall.engine.storage;

import java.util.Map;

/** The persisted catalog: text entries keyed by object name, each write committed on its own. */
public interface CatalogStore {
    Map<String, String> entries();

    void put(String key, String value);

    void remove(String key);
}
