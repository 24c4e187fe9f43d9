package io.recall.parser.plan;

import io.recall.parser.catalog.TableDef;

/** CREATE TABLE; the engine assigns the storage name. */
public record CreateTablePlan(TableDef table, boolean ifNotExists) implements BoundStatement {
}
