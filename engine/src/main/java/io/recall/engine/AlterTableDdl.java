package io.recall.engine;

import io.recall.parser.plan.AddColumnPlan;
import io.recall.parser.plan.AddConstraintPlan;
import io.recall.parser.plan.AlterColumnPlan;
import io.recall.parser.plan.ColumnTypePlan;
import io.recall.parser.plan.DropColumnPlan;
import io.recall.parser.plan.DropConstraintPlan;
import io.recall.parser.plan.PrimaryKeyPlan;
import io.recall.parser.plan.RenamePlan;
import io.recall.parser.plan.TableOptionsPlan;

/**
 * Runs one ALTER TABLE action. It is planned again under the catalog lock if DDL ran since it was planned, so its
 * CHECK condition, names, columns and referenced keys are bound against the table exactly as it is when it changes.
 */
final class AlterTableDdl {
    private final Database database;

    AlterTableDdl(Database database) {
        this.database = database;
    }

    void run(PreparedCommand command, String schema) {
        synchronized (database.catalog()) {
            command.refresh(database.catalog(), schema);
            Object st = command.statement();
            if (st instanceof AddConstraintPlan p) {
                new ConstraintDdl(database).add(p);
            } else if (st instanceof DropConstraintPlan p) {
                new ConstraintDdl(database).drop(p);
            } else if (st instanceof AlterColumnPlan p) {
                new ColumnDdl(database).alter(p);
            } else if (st instanceof AddColumnPlan p) {
                new ColumnDdl(database).addColumn(p);
            } else if (st instanceof RenamePlan p) {
                new RenameDdl(database).rename(p);
            } else if (st instanceof DropColumnPlan p) {
                new RewriteDdl(database).dropColumn(p);
            } else if (st instanceof ColumnTypePlan p) {
                new RewriteDdl(database).changeType(p);
            } else if (st instanceof TableOptionsPlan p) {
                new RewriteDdl(database).changeOptions(p);
            } else {
                new RewriteDdl(database).primaryKey((PrimaryKeyPlan) st);
            }
        }
    }
}
