package io.recall.shell;

import sqlline.AbstractCommandHandler;
import sqlline.CommandHandler;
import sqlline.DispatchCallback;
import sqlline.SqlLine;

import org.jline.reader.Completer;

import java.util.List;

/**
 * A shell command made of SQL: it turns its argument into statements and runs them through sqlline's own
 * {@code !sql} command, so results print in the chosen output format with row counts and timing and errors
 * with their SQLState, exactly as typed SQL does. It stops at the first statement that fails.
 */
final class SqlCommand extends AbstractCommandHandler {
    /** The statements for the command's argument ("" when there is none). */
    @FunctionalInterface
    interface Statements {
        /** Throws IllegalArgumentException, whose message is shown, for an argument the command cannot take. */
        List<String> of(String argument, SqlLine sqlLine);
    }

    private final Statements statements;

    SqlCommand(SqlLine sqlLine, String name, String helpText, List<Completer> completers, Statements statements) {
        super(sqlLine, new String[]{name}, helpText, completers);
        this.statements = statements;
    }

    @Override
    public void execute(String line, DispatchCallback callback) {
        String[] words = line.strip().split("\\s+", 2);
        List<String> sqls;
        try {
            sqls = statements.of(words.length < 2 ? "" : words[1].strip(), sqlLine);
        } catch (IllegalArgumentException e) {
            callback.setToFailure();
            sqlLine.error(e.getMessage());
            return;
        }
        CommandHandler sql = sqlLine.getCommandHandlers().stream()
                .filter(h -> h.getNames().contains("sql")).findFirst().orElse(null);
        if (sql == null) {
            callback.setToFailure();
            sqlLine.error("!" + getName() + " needs sqlline's !sql command, which is not installed");
            return;
        }
        for (String statement : sqls) {
            sql.execute("sql " + statement, callback);
            if (!callback.isSuccess()) {
                return;
            }
        }
    }
}
