package io.recall.parser.sql;

import io.recall.parser.catalog.CheckDef;
import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.OuterRef;
import io.recall.parser.plan.OnConflict;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.insert.ConflictActionType;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.insert.InsertConflictTarget;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds {@code INSERT ... ON CONFLICT [(cols) | ON CONSTRAINT name] DO NOTHING | DO UPDATE SET ... [WHERE
 * ...]} (PostgreSQL) and {@code INSERT ... ON DUPLICATE KEY UPDATE ...} (MySQL) into an {@link OnConflict}.
 * The conflict target must name the primary key or a unique constraint, by its columns (in any order) or
 * by its name. DO UPDATE expressions read the existing row, qualified by the table's name or alias (or
 * unqualified), and the proposed row as {@code EXCLUDED.col} (MySQL: {@code VALUES(col)}).
 */
final class UpsertBinder {
    private static final String EXCLUDED = "EXCLUDED";

    private final TableResolver tables;
    private final ParameterRegistry parameters;
    private final SelectBinder queries;

    UpsertBinder(TableResolver tables, ParameterRegistry parameters, SelectBinder queries) {
        this.tables = tables;
        this.parameters = parameters;
        this.queries = queries;
    }

    /** The conflict handling of the INSERT, or null when it has none. */
    OnConflict bind(Insert insert, TableDef table, String alias) {
        if (insert.isUseDuplicate()) {
            return onDuplicateKey(insert, table, alias);
        }
        InsertConflictAction action = insert.getConflictAction();
        if (action == null) {
            return null;
        }
        InsertConflictTarget target = insert.getConflictTarget();
        boolean doUpdate = action.getConflictActionType() == ConflictActionType.DO_UPDATE;
        if (target == null) {
            if (doUpdate) {
                throw new RecallException(ErrorCode.SYNTAX_ERROR,
                        "ON CONFLICT DO UPDATE requires a conflict target: a column list or ON CONSTRAINT name");
            }
            return new OnConflict(true, false, List.of(), OnConflict.Action.NOTHING, new int[0], new Expr[0], null);
        }
        Arbiters arbiters = target.getConstraintName() != null ? byName(table, target.getConstraintName())
                : byColumns(table, target);
        if (!doUpdate) {
            return new OnConflict(false, arbiters.primaryKey, arbiters.uniqueIndexes, OnConflict.Action.NOTHING,
                    new int[0], new Expr[0], null);
        }
        Scope excluded = new Scope(null);
        excluded.addTable(table, EXCLUDED);
        Scope existing = new Scope(excluded);
        existing.addTable(table, alias);
        ExpressionBinder binder = new ExpressionBinder(existing, parameters, queries);
        Assignments set = Assignments.bind(table, action.getUpdateSets(), binder::bind);
        Expr where = action.getWhereExpression() == null ? null : binder.predicate(action.getWhereExpression());
        return new OnConflict(false, arbiters.primaryKey, arbiters.uniqueIndexes, OnConflict.Action.UPDATE,
                set.columns(), set.values(), where);
    }

    /** MySQL: a conflict on any unique constraint updates the existing row; {@code VALUES(col)} is the proposed value. */
    private OnConflict onDuplicateKey(Insert insert, TableDef table, String alias) {
        if (insert.getValues() != null && insert.getValues().getAlias() != null) {
            throw RecallException.notSupported("A row alias in INSERT ... VALUES (...) AS alias ON DUPLICATE KEY UPDATE"
                    + " (use VALUES(col))");
        }
        ExpressionBinder.Hook proposed = (e, b) -> {
            if (e instanceof Function f && "VALUES".equalsIgnoreCase(f.getName()) && f.getParameters() != null
                    && f.getParameters().size() == 1 && f.getParameters().get(0) instanceof Column c) {
                int i = DmlBinder.columnIndex(table, c);
                return new OuterRef(1, i, table.column(i).name(), table.column(i).type());
            }
            return null;
        };
        ExpressionBinder binder = new ExpressionBinder(Scope.ofTable(table, alias), parameters, queries, proposed);
        Assignments set = Assignments.bind(table, insert.getDuplicateUpdateSets(), binder::bind);
        return new OnConflict(true, false, List.of(), OnConflict.Action.UPDATE, set.columns(), set.values(), null);
    }

    private record Arbiters(boolean primaryKey, List<String> uniqueIndexes) {
    }

    private Arbiters byName(TableDef table, String constraint) {
        String name = Names.normalize(constraint);
        if (table.hasPrimaryKey() && name.equals(table.name() + "_PKEY")) {
            return new Arbiters(true, List.of());
        }
        for (IndexDef index : tables.catalog().indexes(table)) {
            if (index.name().equals(name) && index.unique()) {
                return new Arbiters(false, List.of(index.storageName()));
            }
        }
        boolean otherConstraint = table.checks().stream().map(CheckDef::name).anyMatch(name::equals)
                || table.foreignKey(name) != null;
        if (otherConstraint) {
            throw new RecallException(ErrorCode.WRONG_OBJECT_TYPE, "Constraint " + name + " of table "
                    + table.qualifiedName() + " is not a primary key or unique constraint, so ON CONFLICT cannot use it");
        }
        throw new RecallException(ErrorCode.UNDEFINED_OBJECT, "Constraint " + name + " for table "
                + table.qualifiedName() + " does not exist");
    }

    private Arbiters byColumns(TableDef table, InsertConflictTarget target) {
        if (target.getWhereExpression() != null || target.getIndexExpression() != null) {
            throw RecallException.notSupported("A conflict target with an index expression or a WHERE (partial index)");
        }
        Set<Integer> columns = new HashSet<>();
        for (String c : target.getIndexColumnNames()) {
            int i = table.columnIndex(Names.normalize(c));
            if (i < 0) {
                throw new RecallException(ErrorCode.COLUMN_NOT_FOUND,
                        "Column " + Names.normalize(c) + " of the conflict target not found in table " + table.name());
            }
            columns.add(i);
        }
        boolean primaryKey = table.hasPrimaryKey() && columns.equals(indexSet(table.primaryKey()));
        List<String> unique = new ArrayList<>();
        for (IndexDef index : tables.catalog().indexes(table)) {
            if (index.unique() && columns.equals(columnSet(table, index.columns()))) {
                unique.add(index.storageName());
            }
        }
        if (!primaryKey && unique.isEmpty()) {
            throw new RecallException(ErrorCode.INVALID_COLUMN_REFERENCE, "There is no primary key or unique "
                    + "constraint on table " + table.qualifiedName() + " matching the ON CONFLICT columns "
                    + target.getIndexColumnNames());
        }
        return new Arbiters(primaryKey, unique);
    }

    private static Set<Integer> indexSet(int[] columns) {
        Set<Integer> set = new HashSet<>();
        for (int c : columns) {
            set.add(c);
        }
        return set;
    }

    private static Set<Integer> columnSet(TableDef table, List<String> names) {
        Set<Integer> set = new HashSet<>();
        for (String n : names) {
            set.add(table.columnIndex(n));
        }
        return set;
    }
}
