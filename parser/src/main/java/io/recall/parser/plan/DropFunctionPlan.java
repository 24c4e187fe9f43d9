package io.recall.parser.plan;

/** DROP FUNCTION [IF EXISTS] name, and H2's DROP ALIAS. */
public record DropFunctionPlan(String name, boolean ifExists) implements BoundStatement {
}
