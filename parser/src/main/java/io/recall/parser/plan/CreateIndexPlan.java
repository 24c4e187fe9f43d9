package io.recall.parser.plan;

import io.recall.parser.catalog.IndexDef;

/** CREATE [UNIQUE] INDEX; the table and its columns were resolved, the engine assigns the storage name. */
public record CreateIndexPlan(IndexDef index, boolean ifNotExists) implements BoundStatement {
}
