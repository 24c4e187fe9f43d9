package io.recall.engine;

import io.recall.parser.catalog.CatalogView;
import io.recall.parser.plan.CompiledStatement;
import io.recall.parser.sql.SqlCompiler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One session's recently compiled statements, by schema and SQL text: preparing the same text
 * again (an application that calls {@code prepareStatement} per use, or {@code Statement.execute}
 * in a loop) skips parsing and binding while the catalog is unchanged. Compiled expression trees
 * keep small per-statement caches (LIKE patterns), so they are shared only within the session,
 * which one thread uses at a time.
 */
final class CompiledStatements {
    private static final int CAPACITY = 128;

    private final Map<String, CompiledStatement> byText = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledStatement> eldest) {
            return size() > CAPACITY;
        }
    };

    CompiledStatement compile(String sql, CatalogView catalog, String schema) {
        String key = schema + '\n' + sql;
        CompiledStatement c = byText.get(key);
        if (c == null || c.catalogVersion() != catalog.version()) {
            c = SqlCompiler.compile(sql, catalog, schema);
            byText.put(key, c);
        }
        return c;
    }
}
