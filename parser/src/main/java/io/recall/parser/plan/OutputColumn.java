package io.recall.parser.plan;

import io.recall.parser.types.ColumnType;

/** A column of a query result, as ResultSetMetaData describes it. */
public record OutputColumn(String label, String name, String schema, String table, ColumnType type,
                           boolean nullable) {
}
