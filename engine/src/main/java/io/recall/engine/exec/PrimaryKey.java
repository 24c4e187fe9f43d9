package io.recall.engine.exec;

import io.recall.engine.storage.BinaryKey;
import io.recall.engine.storage.CompositeKey;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.Values;

import java.math.BigDecimal;

/**
 * Builds the store key of a row from its primary-key columns. Values are normalised so that
 * equal SQL values give equal keys (1.0 and 1.00, -0.0 and 0.0, two byte arrays with the same
 * content); several columns make a {@link CompositeKey}.
 */
public final class PrimaryKey {
    private final int[] columns;
    private final ColumnType[] types;

    public PrimaryKey(TableDef table) {
        this.columns = table.primaryKey();
        this.types = new ColumnType[columns.length];
        for (int i = 0; i < columns.length; i++) {
            types[i] = table.column(columns[i]).type();
        }
    }

    public int[] columns() {
        return columns;
    }

    public Object ofRow(Object[] row) {
        if (columns.length == 1) {
            return normalize(row[columns[0]]);
        }
        Object[] parts = new Object[columns.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = normalize(row[columns[i]]);
        }
        return new CompositeKey(parts);
    }

    /**
     * The key for looked-up values (one per key column), or null when some value cannot equal
     * any stored value of the column (NULL, or a value that changes when cast to the column type).
     */
    public Object ofValues(Object[] values) {
        Object[] parts = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            Object cast;
            try {
                cast = Cast.assign(v, types[i]);
            } catch (io.recall.parser.error.RecallException e) {
                if (v instanceof String) {
                    throw e;
                }
                return null;
            }
            if (!sameValue(cast, v)) {
                return null;
            }
            parts[i] = normalize(cast);
        }
        return parts.length == 1 ? parts[0] : new CompositeKey(parts);
    }

    private static boolean sameValue(Object cast, Object original) {
        if (original instanceof String) {
            return true;
        }
        try {
            return Values.compare(cast, original) == 0;
        } catch (io.recall.parser.error.RecallException e) {
            return false;
        }
    }

    static Object normalize(Object v) {
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        if (v instanceof Double d && d == 0.0) {
            return 0.0d;
        }
        if (v instanceof Float f && f == 0.0f) {
            return 0.0f;
        }
        if (v instanceof byte[] b) {
            return new BinaryKey(b);
        }
        return v;
    }
}
