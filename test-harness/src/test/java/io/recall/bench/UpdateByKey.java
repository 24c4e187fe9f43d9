package io.recall.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** UPDATE of one account by primary key in auto-commit. */
final class UpdateByKey extends JdbcWorkload {
    private PreparedStatement update;

    @Override
    public String name() {
        return "update";
    }

    @Override
    public String description() {
        return "update by primary key (auto-commit)";
    }

    @Override
    protected void prepare() throws SQLException {
        data.ensureAccounts();
        update = statement("UPDATE accounts SET balance = balance + 1 WHERE id = ?");
    }

    @Override
    public void run(long i) throws SQLException {
        update.setInt(1, (int) (i * 7919 % scale.accounts()));
        expectUpdate(update, "update account");
    }
}
