package io.recall.shell;

import sqlline.Application;
import sqlline.CommandHandler;
import sqlline.SqlLine;
import sqlline.SqlLineOpts;

import org.jline.reader.Completer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * sqlline's commands plus psql-style ones, each a query of INFORMATION_SCHEMA run as typed SQL would be
 * ({@link SqlCommand}): {@code !d} lists tables and views, {@code !d T} describes a table (its relation row, its
 * columns with type, nullability and default, then its primary key, indexes, foreign keys and CHECK
 * constraints), {@code !dt} lists tables, {@code !dv} views with their queries, {@code !di [T]} indexes and
 * {@code !explain Q} shows a query's plan. sqlline dispatches only lines starting with {@code !} (and waits for
 * a semicolon after anything else), so psql's {@code \d} spelling is not offered.
 *
 * <p>Installed by {@link RecallShell} with sqlline's {@code -ac} option, which loads it by class name.
 */
public final class RecallApplication extends Application {
    private static final String RELATIONS = "SELECT t.table_schema AS \"Schema\", t.table_name AS \"Name\","
            + " CASE t.table_type WHEN 'VIEW' THEN 'view' ELSE 'table' END AS \"Type\", t.storage_type AS \"Storage\"";

    /** Keeps the options given before this application was loaded (sqlline's default would reset them). */
    @Override
    public SqlLineOpts getOpts(SqlLine sqlLine) {
        return sqlLine.getOpts();
    }

    @Override
    public Collection<CommandHandler> getCommandHandlers(SqlLine sqlLine) {
        List<CommandHandler> handlers = new ArrayList<>(super.getCommandHandlers(sqlLine));
        List<Completer> tableNames = handlers.stream().filter(h -> h.getName().equals("describe")).findFirst()
                .map(CommandHandler::getParameterCompleters).orElse(List.of());
        handlers.add(new SqlCommand(sqlLine, "d", "List tables and views; with a table name, describe the table",
                tableNames, (argument, line) -> argument.isEmpty()
                        ? List.of(RELATIONS + " FROM information_schema.tables t ORDER BY 1, 2")
                        : describe(table(argument, line, "!d [table]"))));
        handlers.add(new SqlCommand(sqlLine, "dt", "List tables", List.of(),
                (argument, line) -> withoutArgument(argument, "!dt", RELATIONS
                        + " FROM information_schema.tables t WHERE t.table_type = 'BASE TABLE' ORDER BY 1, 2")));
        handlers.add(new SqlCommand(sqlLine, "dv", "List views and their queries", List.of(),
                (argument, line) -> withoutArgument(argument, "!dv", "SELECT table_schema AS \"Schema\","
                        + " table_name AS \"Name\", view_definition AS \"Query\" FROM information_schema.views"
                        + " ORDER BY 1, 2")));
        handlers.add(new SqlCommand(sqlLine, "di", "List indexes, all or a table's", tableNames,
                (argument, line) -> List.of(indexes(argument.isEmpty() ? null
                        : table(argument, line, "!di [table]")))));
        handlers.add(new SqlCommand(sqlLine, "explain", "Show how a query runs: EXPLAIN <query>", List.of(),
                (argument, line) -> {
                    if (argument.isEmpty()) {
                        throw new IllegalArgumentException("Usage: !explain <query>");
                    }
                    return List.of("EXPLAIN " + argument);
                }));
        return handlers;
    }

    private static List<String> withoutArgument(String argument, String command, String sql) {
        if (!argument.isEmpty()) {
            throw new IllegalArgumentException(command + " takes no argument");
        }
        return List.of(sql);
    }

    private static TableName table(String argument, SqlLine sqlLine, String usage) {
        String schema = sqlLine.getConnectionMetadata().getCurrentSchema();
        TableName table = TableName.parse(argument, schema == null ? "PUBLIC" : schema);
        if (table == null) {
            throw new IllegalArgumentException("Not a table name: " + argument + "; usage: " + usage);
        }
        return table;
    }

    /** The table's row in TABLES (a view's with its query), its columns, then its keys, constraints and indexes. */
    private static List<String> describe(TableName t) {
        return List.of(
                RELATIONS + ", v.view_definition AS \"Query\" FROM information_schema.tables t"
                        + " LEFT JOIN information_schema.views v ON v.table_schema = t.table_schema"
                        + " AND v.table_name = t.table_name"
                        + " WHERE " + t.matches("t.table_schema", "t.table_name") + " AND " + t.mustExist(),
                "SELECT column_name AS \"Column\", data_type AS \"Type\","
                        + " CASE is_nullable WHEN 'NO' THEN 'not null' ELSE '' END AS \"Nullable\","
                        + " CASE is_identity WHEN 'YES' THEN 'identity' ELSE column_default END AS \"Default\""
                        + " FROM information_schema.columns WHERE " + t.matches("table_schema", "table_name")
                        + " ORDER BY ordinal_position",
                // UNIQUE constraints are unique indexes, so they are listed once, as indexes
                "SELECT \"Name\", \"Kind\", \"Column\", \"Order\" FROM ("
                        + "SELECT c.constraint_name AS \"Name\", LOWER(c.constraint_type) AS \"Kind\","
                        + " k.column_name AS \"Column\", k.ordinal_position AS \"Position\", '' AS \"Order\""
                        + " FROM information_schema.table_constraints c"
                        + " LEFT JOIN information_schema.key_column_usage k"
                        + " ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name"
                        + " AND k.table_name = c.table_name WHERE " + t.matches("c.table_schema", "c.table_name")
                        + " AND c.constraint_type <> 'UNIQUE' UNION ALL SELECT index_name,"
                        + " CASE is_unique WHEN 'YES' THEN 'unique index' ELSE 'index' END,"
                        + " column_name, ordinal_position, CASE is_descending WHEN 'YES' THEN 'DESC' ELSE 'ASC' END"
                        + " FROM information_schema.indexes WHERE " + t.matches("table_schema", "table_name")
                        + ") keys ORDER BY CASE \"Kind\" WHEN 'primary key' THEN 1 WHEN 'unique index' THEN 2"
                        + " WHEN 'index' THEN 3 WHEN 'foreign key' THEN 4 ELSE 5 END, \"Name\", \"Position\"");
    }

    /** Every index, or the table's (an unknown table fails as in {@link #describe}); one row per column. */
    private static String indexes(TableName t) {
        String where = t == null ? "" : " WHERE " + t.matches("table_schema", "table_name") + " AND " + t.mustExist();
        return "SELECT table_schema AS \"Schema\", table_name AS \"Table\", index_name AS \"Index\","
                + " CASE is_unique WHEN 'YES' THEN 'unique' ELSE '' END AS \"Unique\", column_name AS \"Column\","
                + " CASE is_descending WHEN 'YES' THEN 'DESC' ELSE 'ASC' END AS \"Order\""
                + " FROM information_schema.indexes" + where
                + " ORDER BY table_schema, table_name, index_name, ordinal_position";
    }
}
