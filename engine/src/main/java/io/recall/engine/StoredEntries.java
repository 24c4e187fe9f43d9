package io.recall.engine;

import io.recall.engine.storage.CompositeKey;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.sql.Names;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/**
 * A table's entries as its store holds them, to make the storage model visible (the demo prints them beside
 * the same rows read through SQL): the storage name of the table's cache and, for up to a limit of entries,
 * the key (the primary-key value, a {@link CompositeKey} for several columns, or the hidden row id) and the
 * stored {@code Object[]} row in catalog column order. Everything is rendered as text, so no stored array
 * leaves the engine: strings in double quotes, binary values as {@code X'..'}, a composite key in
 * parentheses, other values as their Java {@code toString} (a TIMESTAMP is a {@code LocalDateTime}).
 *
 * <p>The entries are the committed ones (a session's uncommitted writes are not in the cache's data yet),
 * read under the shared side of the commit gate, in the store's own order (tables are hashed). A row stored
 * before its table gained a column is shown padded, as every read sees it.
 */
public record StoredEntries(String table, String storageName, List<Entry> entries) {
    public StoredEntries {
        entries = List.copyOf(entries);
    }

    /** One cache entry: the key and the row's values, rendered. */
    public record Entry(String key, List<String> row) {
        public Entry {
            row = List.copyOf(row);
        }
    }

    /**
     * Up to {@code limit} entries of {@code name}, a table name as SQL writes it (unquoted names are
     * case-insensitive, a schema may qualify it, else it is in {@code currentSchema}); an unknown table is
     * {@code 42P01}.
     */
    static StoredEntries read(Database database, String currentSchema, String name, int limit) {
        if (limit < 0) {
            throw new RecallException(ErrorCode.INVALID_PARAMETER_VALUE, "The limit must not be negative: " + limit);
        }
        String[] qualified = schemaAndName(name.trim(), currentSchema);
        TableDef table = database.catalog().requireTable(qualified[0], qualified[1]);
        List<Entry> entries = new ArrayList<>();
        if (limit > 0) {
            database.gate().enterRead();
            try {
                database.tableStore(table).scan(null, (key, row) -> {
                    entries.add(new Entry(renderKey(key), renderRow(row)));
                    return entries.size() < limit;
                });
            } finally {
                database.gate().exitRead();
            }
        }
        return new StoredEntries(table.qualifiedName(), table.storageName(), entries);
    }

    /** Splits {@code schema.name} at the first dot outside double quotes and normalises both parts. */
    private static String[] schemaAndName(String text, String currentSchema) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                return new String[]{Names.normalize(text.substring(0, i).trim()),
                        Names.normalize(text.substring(i + 1).trim())};
            }
        }
        return new String[]{currentSchema, Names.normalize(text)};
    }

    private static String renderKey(Object key) {
        if (key instanceof CompositeKey k) {
            StringJoiner parts = new StringJoiner(", ", "(", ")");
            for (int i = 0; i < k.size(); i++) {
                parts.add(render(k.part(i)));
            }
            return parts.toString();
        }
        return render(key);
    }

    private static List<String> renderRow(Object[] row) {
        List<String> values = new ArrayList<>(row.length);
        for (Object value : row) {
            values.add(render(value));
        }
        return values;
    }

    private static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (value instanceof byte[] b) {
            return "X'" + HexFormat.of().formatHex(b) + "'";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }
}
