package io.recall.engine.exec;

import io.recall.engine.storage.CompositeKey;
import io.recall.engine.storage.IndexLayout;

/** The value a row claims under a unique index: normalised as primary keys are, so equal SQL values are equal. */
public final class UniqueValues {
    private UniqueValues() {
    }

    /** The claimed value, or null when some indexed column is NULL (NULLs never conflict). */
    public static Object of(IndexLayout layout, Object[] row) {
        if (layout.width() == 1) {
            Object v = row[layout.column(0)];
            return v == null ? null : PrimaryKey.normalize(v);
        }
        Object[] parts = new Object[layout.width()];
        for (int i = 0; i < parts.length; i++) {
            Object v = row[layout.column(i)];
            if (v == null) {
                return null;
            }
            parts[i] = PrimaryKey.normalize(v);
        }
        return new CompositeKey(parts);
    }
}
