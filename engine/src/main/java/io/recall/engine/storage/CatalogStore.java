package io.recall.engine.storage;

import java.util.Collection;
import java.util.Map;

/** The persisted catalog: text entries keyed by object name; each write commits on its own. */
public interface CatalogStore {
    Map<String, String> entries();

    void put(String key, String value);

    void remove(String key);

    /** Removes {@code removed}, then puts {@code put}, as one commit: a change of several entries is never half on disc. */
    void write(Collection<String> removed, Map<String, String> put);
}
