package io.recall.parser.sql;

import io.recall.parser.catalog.CheckDef;
import io.recall.parser.catalog.ColumnDef;
import io.recall.parser.catalog.ForeignKeyDef;
import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * What a rename changes in the definitions that name the renamed table or column: the table's own
 * columns, CHECK texts and foreign keys, its indexes, and the foreign keys of the tables referencing
 * it. Positions do not change, so compiled conditions stay valid; only names and stored texts do.
 */
public final class Renames {
    private Renames() {
    }

    /** The table under its new name, its self-references following it. */
    public static TableDef table(TableDef t, String newName) {
        List<CheckDef> checks = new ArrayList<>();
        for (CheckDef check : t.checks()) {
            checks.add(new CheckDef(check.name(), rewritten(check.sql(), column -> {
                if (column.getTable() != null && Names.normalize(column.getTable().getName()).equals(t.name())) {
                    column.getTable().setName(TableDefText.quote(newName));
                }
            }), check.condition()));
        }
        return t.withName(newName).withChecks(checks)
                .withForeignKeys(parentRenamed(t.foreignKeys(), t, newName, null, null));
    }

    /** The foreign keys of a table referencing {@code parent}, now named {@code newName}. */
    public static TableDef referencingTable(TableDef child, TableDef parent, String newName) {
        return child.withForeignKeys(parentRenamed(child.foreignKeys(), parent, newName, null, null));
    }

    /** The table with column {@code from} named {@code to}, in its columns, CHECKs and foreign keys. */
    public static TableDef column(TableDef t, String from, String to) {
        int i = t.columnIndex(from);
        ColumnDef c = t.column(i);
        TableDef renamed = t.withColumn(i, new ColumnDef(to, c.type(), c.notNull(), c.defaultSql(), c.defaultValue(),
                c.identity(), c.missingSql(), c.missingValue()));
        List<CheckDef> checks = new ArrayList<>();
        for (CheckDef check : t.checks()) {
            checks.add(new CheckDef(check.name(), renamedIn(check.sql(), from, to), check.condition()));
        }
        List<ForeignKeyDef> keys = new ArrayList<>();
        for (ForeignKeyDef fk : parentRenamed(t.foreignKeys(), t, t.name(), from, to)) {
            keys.add(new ForeignKeyDef(fk.name(), replaced(fk.columns(), from, to), fk.parentSchema(), fk.parentTable(),
                    fk.parentColumns(), fk.onDelete(), fk.onUpdate()));
        }
        return renamed.withChecks(checks).withForeignKeys(keys);
    }

    /** The foreign keys of a table referencing {@code parent}, whose column {@code from} is now {@code to}. */
    public static TableDef referencingColumn(TableDef child, TableDef parent, String from, String to) {
        return child.withForeignKeys(parentRenamed(child.foreignKeys(), parent, parent.name(), from, to));
    }

    /** An index of the table, following the renamed table or column ({@code from} null for a table). */
    public static IndexDef index(IndexDef ix, String table, String from, String to) {
        List<String> columns = from == null ? ix.columns() : replaced(ix.columns(), from, to);
        return new IndexDef(ix.schema(), ix.name(), table, columns, ix.descending(), ix.unique(), ix.storageName());
    }

    private static List<ForeignKeyDef> parentRenamed(List<ForeignKeyDef> keys, TableDef parent, String newName,
                                                     String from, String to) {
        List<ForeignKeyDef> out = new ArrayList<>();
        for (ForeignKeyDef fk : keys) {
            if (!fk.references(parent)) {
                out.add(fk);
                continue;
            }
            List<String> parentColumns = from == null ? fk.parentColumns() : replaced(fk.parentColumns(), from, to);
            out.add(new ForeignKeyDef(fk.name(), fk.columns(), fk.parentSchema(), newName, parentColumns,
                    fk.onDelete(), fk.onUpdate()));
        }
        return out;
    }

    private static List<String> replaced(List<String> names, String from, String to) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(n.equals(from) ? to : n);
        }
        return out;
    }

    /** A CHECK condition's text with every reference to column {@code from} naming {@code to}. */
    static String renamedIn(String sql, String from, String to) {
        return rewritten(sql, column -> {
            if (Names.normalize(column.getColumnName()).equals(from)) {
                column.setColumnName(TableDefText.quote(to));
            }
        });
    }

    /** True when a CHECK condition's text names column {@code column}. */
    public static boolean mentions(String sql, String column) {
        boolean[] found = {false};
        rewritten(sql, c -> found[0] |= Names.normalize(c.getColumnName()).equals(column));
        return found[0];
    }

    private static String rewritten(String sql, java.util.function.Consumer<Column> change) {
        Expression parsed;
        try {
            parsed = CCJSqlParserUtil.parseCondExpression(sql);
        } catch (JSQLParserException e) {
            throw new RecallException(ErrorCode.INTERNAL_ERROR, "A stored CHECK condition no longer parses: " + sql, e);
        }
        parsed.accept(new SafeExpressionVisitor<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                change.accept(column);
                return null;
            }
        }, null);
        return parsed.toString();
    }
}
