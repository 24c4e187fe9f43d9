package io.recall.parser.sql;

import io.recall.parser.catalog.CheckDef;
import io.recall.parser.catalog.ForeignKeyDef;
import io.recall.parser.catalog.ReferentialAction;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.Expr;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.table.ForeignKeyReference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Binds the CHECK and FOREIGN KEY constraints of one CREATE TABLE, column and table constraints
 * alike. A CHECK condition is compiled over the table's row and may not contain subqueries,
 * aggregates, window functions or parameters. A foreign key is bound by names only (its parent
 * may be the table itself, or absent while a stored catalog loads); whether the referenced columns
 * are the parent's primary key or a UNIQUE constraint is checked by the engine when the table is
 * created, against the live catalog.
 */
final class ConstraintBinder {
    private record CheckSpec(String name, String column, Expression condition) {
    }

    private record ForeignKeySpec(String name, List<String> columns, Table parent, List<String> parentColumns,
                                  ReferentialAction onDelete, ReferentialAction onUpdate) {
    }

    private final TableResolver tables;
    private final List<CheckSpec> checks = new ArrayList<>();
    private final List<ForeignKeySpec> foreignKeys = new ArrayList<>();

    ConstraintBinder(TableResolver tables) {
        this.tables = tables;
    }

    /** {@code CHECK (<text>)} on a column; {@code text} is the parenthesised condition as JSqlParser left it. */
    /** True once any CHECK or FOREIGN KEY was collected. */
    boolean hasAny() {
        return !checks.isEmpty() || !foreignKeys.isEmpty();
    }

    void columnCheck(String column, String name, String text) {
        Expression e;
        try {
            e = CCJSqlParserUtil.parseExpression(text);
        } catch (JSQLParserException ex) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "Invalid CHECK on column " + column + ": " + text);
        }
        checks.add(new CheckSpec(name, column, e));
    }

    /** {@code REFERENCES parent [(cols)] [ON ...]} on a column, as one text. */
    void columnReference(String column, String name, String text) {
        String sql = "CREATE TABLE x (c INT, FOREIGN KEY (c) " + text + ")";
        ForeignKeyIndex fk = null;
        try {
            CreateTable ct = (CreateTable) CCJSqlParserUtil.parse(sql);
            for (Index ix : ct.getIndexes()) {
                if (ix instanceof ForeignKeyIndex f) {
                    fk = f;
                }
            }
        } catch (JSQLParserException | ClassCastException ex) {
            fk = null;
        }
        if (fk == null) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "Invalid REFERENCES on column " + column + ": " + text);
        }
        add(name, List.of(column), fk);
    }

    /** A table constraint; false when it is neither CHECK nor FOREIGN KEY. */
    boolean tableConstraint(Index index) {
        String name = index.getName() == null ? null : Names.normalize(index.getName());
        if (index instanceof CheckConstraint cc) {
            checks.add(new CheckSpec(name, null, cc.getExpression()));
            return true;
        }
        if (index instanceof ForeignKeyIndex fk) {
            List<String> columns = new ArrayList<>();
            for (String c : fk.getColumnsNames()) {
                columns.add(Names.normalize(c));
            }
            add(name, columns, fk);
            return true;
        }
        return false;
    }

    private void add(String name, List<String> columns, ForeignKeyIndex fk) {
        if (fk.getMatchType() != null && fk.getMatchType() != ForeignKeyReference.MatchType.SIMPLE) {
            throw RecallException.notSupported("MATCH " + fk.getMatchType() + " in a foreign key");
        }
        List<String> parentColumns = new ArrayList<>();
        if (fk.getReferencedColumnNames() != null) {
            for (String c : fk.getReferencedColumnNames()) {
                parentColumns.add(Names.normalize(c));
            }
        }
        foreignKeys.add(new ForeignKeySpec(name, columns, fk.getTable(), parentColumns,
                action(fk.getOnDeleteReferenceOption()), action(fk.getOnUpdateReferenceOption())));
    }

    private static ReferentialAction action(String text) {
        if (text == null || text.isBlank()) {
            return ReferentialAction.NO_ACTION;
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (ReferentialAction a : ReferentialAction.values()) {
            if (a.sql().equals(t)) {
                return a;
            }
        }
        throw RecallException.notSupported("The referential action " + text);
    }

    boolean isEmpty() {
        return checks.isEmpty() && foreignKeys.isEmpty();
    }

    /** Compiles the CHECK conditions over the table's row; {@code taken} holds the constraint names in use. */
    List<CheckDef> checks(TableDef table, Set<String> taken) {
        List<CheckDef> out = new ArrayList<>();
        for (CheckSpec spec : checks) {
            String name = spec.name() != null ? claim(spec.name(), taken)
                    : generated(ConstraintNames.check(table.name(), spec.column()), taken);
            Expression condition = spec.condition();
            Expr bound = bindCheck(table, name, condition);
            out.add(new CheckDef(name, condition.toString(), bound));
        }
        return out;
    }

    private static Expr bindCheck(TableDef table, String name, Expression condition) {
        return bindOverRow(table, "CHECK constraint " + name + " of table " + table.name(), condition, true);
    }

    /**
     * An expression over one row of {@code table} that is stored or run by DDL ({@code what} names it in
     * errors): no parameters, subqueries, aggregates or window functions. A predicate when {@code predicate}.
     */
    static Expr bindOverRow(TableDef table, String what, Expression condition, boolean predicate) {
        ExpressionBinder.Hook hook = (e, b) -> {
            if (e instanceof JdbcParameter || e instanceof JdbcNamedParameter) {
                throw new RecallException(ErrorCode.INVALID_DEFINITION, what + " cannot contain parameters");
            }
            if (e instanceof AnalyticExpression) {
                throw new RecallException(ErrorCode.WINDOWING_ERROR, what + " cannot contain window functions");
            }
            if (e instanceof Function f && f.getName() != null
                    && ExpressionBinder.isAggregate(f.getName().toUpperCase(Locale.ROOT))) {
                throw new RecallException(ErrorCode.GROUPING_ERROR, what + " cannot contain aggregate functions");
            }
            return null;
        };
        ExpressionBinder.Subqueries noSubqueries = (select, outer) -> {
            throw RecallException.notSupported(what + " cannot contain a subquery");
        };
        ParameterRegistry none = new ParameterRegistry();
        ExpressionBinder binder = new ExpressionBinder(Scope.ofTable(table, null), none, noSubqueries, hook);
        Expr bound = predicate ? binder.predicate(condition) : binder.bind(condition);
        if (!none.all().isEmpty()) {
            throw new RecallException(ErrorCode.INVALID_DEFINITION, what + " cannot contain parameters");
        }
        return bound;
    }

    /** The foreign keys, bound by names; a parent without columns given references its primary key. */
    List<ForeignKeyDef> foreignKeys(TableDef table, Set<String> taken) {
        List<ForeignKeyDef> out = new ArrayList<>();
        for (ForeignKeySpec spec : foreignKeys) {
            Set<String> seen = new HashSet<>();
            for (String c : spec.columns()) {
                if (table.columnIndex(c) < 0) {
                    throw new RecallException(ErrorCode.COLUMN_NOT_FOUND, "Foreign key column " + c
                            + " not found in table " + table.name());
                }
                if (!seen.add(c)) {
                    throw new RecallException(ErrorCode.DUPLICATE_COLUMN, "Column " + c
                            + " appears twice in a foreign key of table " + table.name());
                }
            }
            String parentSchema = tables.schemaOf(spec.parent());
            String parentName = Names.normalize(spec.parent().getName());
            boolean self = parentSchema.equals(table.schema()) && parentName.equals(table.name());
            List<String> parentColumns = spec.parentColumns();
            if (parentColumns.isEmpty()) {
                TableDef parent = self ? table : tables.catalog().table(parentSchema, parentName);
                if (parent == null) {
                    throw new RecallException(ErrorCode.TABLE_NOT_FOUND, "Table " + parentSchema + "." + parentName
                            + " referenced by table " + table.name() + " not found");
                }
                if (!parent.hasPrimaryKey()) {
                    throw new RecallException(ErrorCode.INVALID_FOREIGN_KEY, "Table " + parent.qualifiedName()
                            + " has no primary key for table " + table.name() + " to reference");
                }
                parentColumns = new ArrayList<>();
                for (int k : parent.primaryKey()) {
                    parentColumns.add(parent.column(k).name());
                }
            }
            if (parentColumns.size() != spec.columns().size()) {
                throw new RecallException(ErrorCode.INVALID_FOREIGN_KEY, "A foreign key of table " + table.name()
                        + " has " + spec.columns().size() + " columns but references " + parentColumns.size());
            }
            String name = spec.name() != null ? claim(spec.name(), taken)
                    : generated(ConstraintNames.foreignKey(table.name(), spec.columns()), taken);
            out.add(new ForeignKeyDef(name, spec.columns(), parentSchema, parentName, parentColumns,
                    spec.onDelete(), spec.onUpdate()));
        }
        return out;
    }

    private static String claim(String name, Set<String> taken) {
        if (!taken.add(name)) {
            throw new RecallException(ErrorCode.INDEX_EXISTS, "Constraint " + name + " is defined twice");
        }
        return name;
    }

    private static String generated(String base, Set<String> taken) {
        String name = ConstraintNames.free(base, taken::contains);
        taken.add(name);
        return name;
    }
}
