package io.recall.parser.plan;

import io.recall.parser.catalog.FunctionDef;

/** CREATE [OR REPLACE] FUNCTION [IF NOT EXISTS] name FOR 'class.method', and H2's CREATE ALIAS ... FOR. */
public record CreateFunctionPlan(FunctionDef function, boolean orReplace, boolean ifNotExists) implements BoundStatement {
}
