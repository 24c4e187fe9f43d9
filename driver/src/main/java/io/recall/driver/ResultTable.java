package io.recall.driver;

import io.recall.parser.plan.OutputColumn;
import io.recall.parser.types.ColumnType;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows built in memory with named, typed columns, turned into a {@link RecallResultSet}: how
 * DatabaseMetaData answers with the exact column layout JDBC prescribes.
 */
final class ResultTable {
    private final List<OutputColumn> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    /**
     * A table from a layout such as {@code "TABLE_CAT TABLE_SCHEM KEY_SEQ:s"}: names separated by
     * spaces, each VARCHAR unless suffixed {@code :i} INTEGER, {@code :s} SMALLINT, {@code :b}
     * BOOLEAN or {@code :l} BIGINT.
     */
    static ResultTable of(String layout) {
        ResultTable table = new ResultTable();
        for (String spec : layout.trim().split("\\s+")) {
            int colon = spec.indexOf(':');
            String name = colon < 0 ? spec : spec.substring(0, colon);
            ColumnType type = colon < 0 ? ColumnType.VARCHAR : switch (spec.charAt(colon + 1)) {
                case 'i' -> ColumnType.INTEGER;
                case 's' -> ColumnType.SMALLINT;
                case 'b' -> ColumnType.BOOLEAN;
                case 'l' -> ColumnType.BIGINT;
                default -> throw new IllegalArgumentException("Bad column type in " + spec);
            };
            table.column(name, type);
        }
        return table;
    }

    ResultTable column(String name, ColumnType type) {
        columns.add(new OutputColumn(name, name, null, null, type, true));
        return this;
    }

    /** Adds a row; values must already be canonical (Integer for SMALLINT and INTEGER). */
    ResultTable row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("Row has " + values.length + " values for " + columns.size()
                    + " columns");
        }
        rows.add(values);
        return this;
    }

    /** Sorts the rows by the given columns (0-based), nulls first, as the JDBC ordering rules ask. */
    ResultTable sortBy(int... keys) {
        rows.sort((a, b) -> {
            for (int k : keys) {
                int c = compare(a[k], b[k]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        return this;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return ((Comparable) a).compareTo(b);
    }

    int columnCount() {
        return columns.size();
    }

    RecallResultSet toResultSet() {
        return new RecallResultSet(null, columns.toArray(new OutputColumn[0]), rows, 0);
    }
}
