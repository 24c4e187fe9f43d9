package io.recall.parser.plan;

import io.recall.parser.catalog.ViewDef;

/** CREATE [OR REPLACE] VIEW; the query was bound once to check it and name the columns. */
public record CreateViewPlan(ViewDef view, boolean orReplace) implements BoundStatement {
}
