package io.recall.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A 5-statement transaction: read the payer's balance, debit it, credit the payee, record the transfer,
 * read the payee's balance, commit. The transfer log starts empty again after each round.
 */
final class Transfer extends JdbcWorkload {
    private static final String LOG_DDL = "CREATE TABLE transfers (id BIGINT PRIMARY KEY, from_id INT, to_id INT,"
            + " amount BIGINT)";
    private PreparedStatement balance;
    private PreparedStatement debit;
    private PreparedStatement credit;
    private PreparedStatement log;

    @Override
    public String name() {
        return "transfer";
    }

    @Override
    public String description() {
        return "5-statement transfer transaction";
    }

    @Override
    protected void prepare() throws SQLException {
        data.ensureAccounts();
        data.recreate("transfers", LOG_DDL);
        balance = statement("SELECT balance FROM accounts WHERE id = ?");
        debit = statement("UPDATE accounts SET balance = balance - ? WHERE id = ?");
        credit = statement("UPDATE accounts SET balance = balance + ? WHERE id = ?");
        log = statement("INSERT INTO transfers VALUES (?, ?, ?, ?)");
    }

    @Override
    public void run(long i) throws SQLException {
        int from = (int) (i * 7919 % scale.accounts());
        int to = (from + 1 + (int) (i % 97)) % scale.accounts();
        long amount = 1 + i % 50;
        c.setAutoCommit(false);
        try {
            balance.setInt(1, from);
            expectRows(balance, 1, "payer balance");
            debit.setLong(1, amount);
            debit.setInt(2, from);
            expectUpdate(debit, "debit");
            credit.setLong(1, amount);
            credit.setInt(2, to);
            expectUpdate(credit, "credit");
            log.setLong(1, i);
            log.setInt(2, from);
            log.setInt(3, to);
            log.setLong(4, amount);
            expectUpdate(log, "transfer log");
            balance.setInt(1, to);
            expectRows(balance, 1, "payee balance");
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    @Override
    public void afterRound() throws SQLException {
        tearDown();
        prepare();
    }
}
