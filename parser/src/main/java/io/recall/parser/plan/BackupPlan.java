package io.recall.parser.plan;

/**
 * {@code BACKUP TO 'file'} (a consistent snapshot of the database written to a file) or {@code RESTORE FROM
 * 'file'} ({@code restore}: the snapshot read back into an empty database).
 */
public record BackupPlan(String file, boolean restore) implements BoundStatement {
}
