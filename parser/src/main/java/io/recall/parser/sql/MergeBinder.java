package io.recall.parser.sql;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.MergeAction;
import io.recall.parser.plan.MergePlan;
import io.recall.parser.plan.OutputColumn;
import io.recall.parser.types.ColumnType;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeDelete;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeSide;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.PlainSelect;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds {@code MERGE INTO target [AS t] USING source [AS s] ON cond WHEN MATCHED [AND cond] THEN UPDATE SET
 * ... | DELETE ... WHEN NOT MATCHED [AND cond] THEN INSERT [(cols)] VALUES (...)}. The source (a table, view
 * or subquery) is bound as {@code SELECT * FROM source}; its columns form the scope enclosing the target's,
 * so each source column is an outer reference the executor fills per source row. A WHEN NOT MATCHED
 * clause sees only the source.
 */
final class MergeBinder {
    private final TableResolver tables;
    private final ParameterRegistry parameters;

    MergeBinder(TableResolver tables, ParameterRegistry parameters) {
        this.tables = tables;
        this.parameters = parameters;
    }

    MergePlan bind(Merge merge) {
        if (merge.getWithItemsList() != null && !merge.getWithItemsList().isEmpty() || merge.getOutputClause() != null
                || merge.getReturningClause() != null || merge.getOption() != null || merge.getOracleHint() != null) {
            throw RecallException.notSupported("This form of MERGE (WITH, RETURNING, OUTPUT, OPTION or hints)");
        }
        TableDef table = tables.requireWritable(merge.getTable());
        String alias = merge.getTable().getAlias() == null ? null : Names.normalize(merge.getTable().getAlias().getName());
        SelectBinder queries = new SelectBinder(tables, parameters);
        FromItem from = merge.getFromItem();
        PlainSelect all = new PlainSelect();
        all.addSelectItem(new AllColumns());
        all.setFromItem(from);
        SelectBinder.BoundQuery source = queries.query(all, null);
        String sourceName = sourceName(from);
        if (sourceName != null && sourceName.equals(alias != null ? alias : table.name())) {
            throw new RecallException(ErrorCode.DUPLICATE_ALIAS, "Table name " + sourceName
                    + " is specified more than once in MERGE: give the source or the target an alias");
        }
        Scope sourceScope = new Scope(null);
        sourceScope.addDerived(sourceName, labels(source.columns()), types(source.columns()));
        Scope targetScope = new Scope(sourceScope);
        targetScope.addTable(table, alias);
        ExpressionBinder onTarget = new ExpressionBinder(targetScope, parameters, queries);
        ExpressionBinder onSource = new ExpressionBinder(new Scope(sourceScope), parameters, queries);
        Expr on = onTarget.predicate(merge.getOnCondition());
        List<MergeAction> matched = new ArrayList<>();
        List<MergeAction> notMatched = new ArrayList<>();
        for (MergeOperation op : merge.getOperations()) {
            if (op instanceof MergeUpdate u) {
                if (u.getSide() == MergeSide.SOURCE || u.getWhereCondition() != null || u.getDeleteWhereCondition() != null) {
                    throw RecallException.notSupported("WHEN NOT MATCHED BY SOURCE, and Oracle's UPDATE ... WHERE / DELETE WHERE in MERGE");
                }
                Assignments set = Assignments.bind(table, u.getUpdateSets(), onTarget::bind);
                add(matched, new MergeAction(MergeAction.Kind.UPDATE, condition(onTarget, u.getAndPredicate()),
                        set.columns(), set.values()));
            } else if (op instanceof MergeDelete d) {
                if (d.getSide() == MergeSide.SOURCE) {
                    throw RecallException.notSupported("WHEN NOT MATCHED BY SOURCE in MERGE");
                }
                add(matched, new MergeAction(MergeAction.Kind.DELETE, condition(onTarget, d.getAndPredicate()),
                        new int[0], new Expr[0]));
            } else if (op instanceof MergeInsert i) {
                if (i.getWhereCondition() != null) {
                    throw RecallException.notSupported("Oracle's INSERT ... WHERE in MERGE (use WHEN NOT MATCHED AND ...)");
                }
                if (i.getValues() == null) {
                    throw RecallException.notSupported("MERGE ... INSERT without VALUES");
                }
                int[] columns = DmlBinder.targetColumns(table, i.getColumns());
                Expr[] values = DmlBinder.row(onSource, table, columns, i.getValues());
                add(notMatched, new MergeAction(MergeAction.Kind.INSERT, condition(onSource, i.getAndPredicate()),
                        columns, values));
            } else {
                throw RecallException.notSupported("The MERGE action " + op);
            }
        }
        return new MergePlan(table, source.relation(), on, matched, notMatched);
    }

    private static Expr condition(ExpressionBinder binder, Expression e) {
        return e == null ? null : binder.predicate(e);
    }

    /** A clause after one without a condition could never run: PostgreSQL refuses it too. */
    private static void add(List<MergeAction> clauses, MergeAction action) {
        if (!clauses.isEmpty() && clauses.get(clauses.size() - 1).condition() == null) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR,
                    "Unreachable WHEN clause in MERGE: it follows a WHEN clause of the same kind without AND condition");
        }
        clauses.add(action);
    }

    private static String sourceName(FromItem from) {
        if (from.getAlias() != null) {
            return Names.normalize(from.getAlias().getName());
        }
        return from instanceof Table t ? Names.normalize(t.getName()) : null;
    }

    private static String[] labels(OutputColumn[] columns) {
        String[] labels = new String[columns.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = columns[i].label();
        }
        return labels;
    }

    private static ColumnType[] types(OutputColumn[] columns) {
        ColumnType[] types = new ColumnType[columns.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns[i].type();
        }
        return types;
    }
}
