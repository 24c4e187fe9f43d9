package io.recall.parser.plan;

/**
 * A bound ALTER TABLE action. The engine runs every one of them under the catalog lock, after binding it
 * again if DDL ran since it was planned, so it describes the table exactly as it changes it.
 */
public interface AlterTablePlan extends BoundStatement {
}
