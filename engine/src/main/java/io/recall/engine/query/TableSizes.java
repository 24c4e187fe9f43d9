package io.recall.engine.query;

import io.recall.engine.exec.IndexAccess;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;

import java.util.HashMap;
import java.util.Map;

/**
 * The committed row counts the join planner orders tables by, and the counts it planned with, so
 * that a statement planned while its tables were small (an application preparing its statements
 * at start, before loading data) is planned again once they have grown or shrunk a lot.
 */
public final class TableSizes {
    /** How much a table must grow or shrink (and by at least {@link #MIN_CHANGE} rows) to plan again. */
    private static final int DRIFT_FACTOR = 4;
    private static final long MIN_CHANGE = 1000;

    /** Gives a table's store, for its committed row count and its indexes' statistics. */
    public interface Source {
        TableStore store(TableDef table);
    }

    private final Source source;
    /** By storage name: the row count each table had when the plan was ordered by it, recorded once. */
    private final Map<String, Long> seen = new HashMap<>();
    private final Map<String, TableDef> tables = new HashMap<>();

    public TableSizes(Source source) {
        this.source = source;
    }

    /** The table's row count now, remembered as what the plan was made with. */
    long rows(TableDef table) {
        Long planned = seen.get(table.storageName());
        if (planned == null) {
            planned = source.store(table).estimatedRows();
            seen.put(table.storageName(), planned);
            tables.put(table.storageName(), table);
        }
        return planned;
    }

    /**
     * Rows the best index read for {@code where} (over the table's columns at {@code offset}) is
     * expected to give, from the index's statistics; -1 when no index fits.
     */
    double indexedRows(TableDef table, Expr where, int offset) {
        IndexAccess access = IndexAccess.choose(source.store(table).indexes(), where, offset);
        return access == null ? -1 : access.estimatedRows(null);
    }

    /** True when a table the plan was ordered by has changed size enough to plan again. */
    public boolean drifted() {
        for (Map.Entry<String, Long> s : seen.entrySet()) {
            long now = source.store(tables.get(s.getKey())).estimatedRows();
            long low = Math.min(now, s.getValue());
            long high = Math.max(now, s.getValue());
            if (high - low >= MIN_CHANGE && high >= DRIFT_FACTOR * low) {
                return true;
            }
        }
        return false;
    }
}
