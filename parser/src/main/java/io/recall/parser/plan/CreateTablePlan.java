package io.recall.parser.plan;

import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.TableDef;

import java.util.List;

/** CREATE TABLE with the unique indexes backing its UNIQUE constraints; the engine assigns storage names. */
public record CreateTablePlan(TableDef table, boolean ifNotExists, List<IndexDef> uniques) implements BoundStatement {
    public CreateTablePlan {
        uniques = List.copyOf(uniques);
    }

    public CreateTablePlan(TableDef table, boolean ifNotExists) {
        this(table, ifNotExists, List.of());
    }
}
