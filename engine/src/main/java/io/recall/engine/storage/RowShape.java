package io.recall.engine.storage;

import java.util.Arrays;

/**
 * How a table's stored rows are read once it gained columns: ALTER TABLE ... ADD COLUMN rewrites no
 * row, so a row written before is shorter than the table, and reads pad it with each added column's
 * missing value (its DEFAULT when it was added, or NULL). Rows written afterwards have the full width.
 */
public final class RowShape {
    private final int width;
    private final Object[] missing;

    /** {@code missing[i]} is what column {@code i} holds in rows too short to have it. */
    public RowShape(int width, Object[] missing) {
        this.width = width;
        this.missing = missing.clone();
    }

    /** The row at the table's width: itself when it has it, else a padded copy. */
    public Object[] pad(Object[] row) {
        if (row == null || row.length >= width) {
            return row;
        }
        Object[] full = Arrays.copyOf(row, width);
        System.arraycopy(missing, row.length, full, row.length, width - row.length);
        return full;
    }
}
