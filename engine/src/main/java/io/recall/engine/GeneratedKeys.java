package io.recall.engine;

import io.recall.parser.catalog.ColumnDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.OutputColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Picks the columns an INSERT hands back through getGeneratedKeys: the identity columns by
 * default (the primary key when there are none), or the columns the caller named or numbered.
 */
final class GeneratedKeys {
    private GeneratedKeys() {
    }

    static QueryResult of(TableDef table, KeyRequest request, List<Object[]> rows) {
        int[] columns = columns(table, request);
        OutputColumn[] out = new OutputColumn[columns.length];
        for (int i = 0; i < columns.length; i++) {
            ColumnDef c = table.column(columns[i]);
            out[i] = new OutputColumn(c.name(), c.name(), table.schema(), table.name(), c.type(), !c.notNull());
        }
        List<Object[]> keys = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] k = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                k[i] = row[columns[i]];
            }
            keys.add(k);
        }
        return new QueryResult(out, keys);
    }

    private static int[] columns(TableDef table, KeyRequest request) {
        switch (request.kind()) {
            case NAMES -> {
                int[] columns = new int[request.names().length];
                for (int i = 0; i < columns.length; i++) {
                    String name = request.names()[i];
                    int index = table.columnIndex(name);
                    if (index < 0) {
                        index = table.columnIndex(name.toUpperCase(Locale.ROOT));
                    }
                    if (index < 0) {
                        throw new RecallException(ErrorCode.COLUMN_NOT_FOUND,
                                "Generated key column " + name + " not found in table " + table.name());
                    }
                    columns[i] = index;
                }
                return columns;
            }
            case POSITIONS -> {
                int[] columns = new int[request.positions().length];
                for (int i = 0; i < columns.length; i++) {
                    int p = request.positions()[i];
                    if (p < 1 || p > table.columnCount()) {
                        throw new RecallException(ErrorCode.COLUMN_NOT_FOUND,
                                "Generated key column position " + p + " is not in table " + table.name());
                    }
                    columns[i] = p - 1;
                }
                return columns;
            }
            default -> {
                List<Integer> identity = new ArrayList<>();
                for (int i = 0; i < table.columnCount(); i++) {
                    if (table.column(i).isIdentity()) {
                        identity.add(i);
                    }
                }
                if (identity.isEmpty()) {
                    return table.primaryKey().clone();
                }
                return identity.stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }
}
