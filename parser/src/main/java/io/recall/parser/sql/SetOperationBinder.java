package io.recall.parser.sql;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.OutputColumn;
import io.recall.parser.query.Relation;
import io.recall.parser.query.SetOperation;
import io.recall.parser.types.ColumnType;
import net.sf.jsqlparser.statement.select.ExceptOp;
import net.sf.jsqlparser.statement.select.IntersectOp;
import net.sf.jsqlparser.statement.select.MinusOp;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.UnionOp;

import java.util.ArrayList;
import java.util.List;

/**
 * UNION, INTERSECT and EXCEPT with standard precedence (INTERSECT first, then left to right).
 * Output columns take the first query's names and the common type of each position.
 */
final class SetOperationBinder {
    private final SelectBinder queries;
    private final Scope outer;

    SetOperationBinder(SelectBinder queries, Scope outer) {
        this.queries = queries;
        this.outer = outer;
    }

    SelectBinder.BoundQuery bind(SetOperationList list) {
        List<SelectBinder.BoundQuery> branches = new ArrayList<>();
        for (net.sf.jsqlparser.statement.select.Select s : list.getSelects()) {
            branches.add(queries.query(s, outer));
        }
        int width = branches.get(0).columns().length;
        boolean correlated = false;
        for (SelectBinder.BoundQuery b : branches) {
            if (b.columns().length != width) {
                throw new RecallException(ErrorCode.SYNTAX_ERROR,
                        "Each query of a set operation must have the same number of columns (" + width + " and "
                                + b.columns().length + ")");
            }
            correlated |= b.correlated();
        }
        OutputColumn[] columns = columns(branches);
        ColumnType[] common = new ColumnType[width];
        for (int i = 0; i < width; i++) {
            common[i] = columns[i].type();
        }
        List<Relation> relations = new ArrayList<>();
        for (SelectBinder.BoundQuery b : branches) {
            relations.add(CommonTypes.castTo(b.relation(), b.types(), common));
        }
        List<Relation> terms = new ArrayList<>();
        List<net.sf.jsqlparser.statement.select.SetOperation> ops = new ArrayList<>();
        Relation current = relations.get(0);
        for (int i = 0; i < list.getOperations().size(); i++) {
            net.sf.jsqlparser.statement.select.SetOperation op = list.getOperations().get(i);
            Relation next = relations.get(i + 1);
            if (op instanceof IntersectOp) {
                current = new SetOperation(SetOperation.Kind.INTERSECT, op.isAll(), current, next);
            } else {
                terms.add(current);
                ops.add(op);
                current = next;
            }
        }
        terms.add(current);
        Relation result = terms.get(0);
        for (int i = 0; i < ops.size(); i++) {
            result = new SetOperation(kind(ops.get(i)), ops.get(i).isAll(), result, terms.get(i + 1));
        }
        return new SelectBinder.BoundQuery(result, columns, correlated);
    }

    private static SetOperation.Kind kind(net.sf.jsqlparser.statement.select.SetOperation op) {
        if (op instanceof UnionOp) {
            return SetOperation.Kind.UNION;
        }
        if (op instanceof ExceptOp || op instanceof MinusOp) {
            return SetOperation.Kind.EXCEPT;
        }
        throw RecallException.notSupported("The set operation " + op);
    }

    /** The first branch's names with the common type of each column (42804 when types cannot meet). */
    static OutputColumn[] columns(List<SelectBinder.BoundQuery> branches) {
        OutputColumn[] first = branches.get(0).columns();
        List<ColumnType[]> types = new ArrayList<>();
        for (SelectBinder.BoundQuery b : branches) {
            types.add(b.types());
        }
        ColumnType[] common = CommonTypes.of(types, "Set operation");
        OutputColumn[] out = new OutputColumn[first.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new OutputColumn(first[i].label(), first[i].label(), "", "", common[i], true);
        }
        return out;
    }
}
