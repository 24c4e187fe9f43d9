package io.recall.parser.sql;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.ColumnRef;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.Literal;
import io.recall.parser.plan.SortKey;
import io.recall.parser.query.AggregateCall;
import io.recall.parser.query.WindowCall;
import io.recall.parser.types.ColumnType;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.statement.select.OrderByElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The window functions of one query. Each call's value is appended to the row it is computed
 * for, after position {@code base}; the select list reads it from there.
 */
final class WindowBinder {
    private final int base;
    private final List<WindowCall> calls = new ArrayList<>();
    private boolean binding;

    WindowBinder(int base) {
        this.base = base;
    }

    WindowCall[] calls() {
        return calls.toArray(new WindowCall[0]);
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }

    /** Binds {@code f(...) OVER (...)} with {@code binder} and returns the reference to its value. */
    Expr add(AnalyticExpression a, ExpressionBinder binder) {
        if (binding) {
            throw new RecallException(ErrorCode.WINDOWING_ERROR, "Window function calls cannot be nested: " + a);
        }
        if (a.getType() != AnalyticType.OVER) {
            throw RecallException.notSupported("Aggregate FILTER and WITHIN GROUP (" + a + ")");
        }
        if (a.getWindowName() != null || a.getWindowElement() != null || a.getKeep() != null
                || a.isIgnoreNulls() || a.isIgnoreNullsOutside() || a.getFilterExpression() != null) {
            throw RecallException.notSupported("Named windows, frame clauses and IGNORE NULLS (" + a + ")");
        }
        binding = true;
        try {
            WindowCall call = bind(a, binder);
            calls.add(call);
            return new ColumnRef(base + calls.size() - 1, a.getName(), call.type());
        } finally {
            binding = false;
        }
    }

    private WindowCall bind(AnalyticExpression a, ExpressionBinder binder) {
        String name = a.getName().toUpperCase(Locale.ROOT);
        Expr[] partition = partition(a.getPartitionExpressionList(), binder);
        SortKey[] order = order(a.getOrderByElements(), binder);
        switch (name) {
            case "ROW_NUMBER", "RANK", "DENSE_RANK" -> {
                if (a.getExpression() != null) {
                    throw new RecallException(ErrorCode.FUNCTION_NOT_FOUND, name + " takes no arguments");
                }
                return new WindowCall(WindowCall.Kind.valueOf(name), new Expr[0], null, partition, order,
                        ColumnType.BIGINT);
            }
            case "LAG", "LEAD" -> {
                if (a.getExpression() == null) {
                    throw new RecallException(ErrorCode.FUNCTION_NOT_FOUND, name + " needs an argument");
                }
                Expr value = binder.bind(a.getExpression());
                Expr offset = a.getOffset() == null ? new Literal(1L, ColumnType.BIGINT) : binder.bind(a.getOffset());
                Expr fallback = a.getDefaultValue() == null ? new Literal(null, value.type())
                        : binder.bind(a.getDefaultValue());
                ColumnType type = CommonTypes.of(java.util.List.of(new ColumnType[]{value.type()},
                        new ColumnType[]{fallback.type()}), name)[0];
                return new WindowCall(WindowCall.Kind.valueOf(name), new Expr[]{CommonTypes.cast(value, type), offset,
                        CommonTypes.cast(fallback, type)}, null, partition, order, type);
            }
            case "COUNT", "SUM", "AVG", "MIN", "MAX" -> {
                if (a.isDistinct()) {
                    throw RecallException.notSupported("DISTINCT in a window aggregate");
                }
                Function f = new Function();
                f.setName(name);
                if (a.isAllColumns() || a.getExpression() == null) {
                    f.setAllColumns(true);
                } else {
                    f.setParameters(new ExpressionList<>(a.getExpression()));
                }
                AggregateCall agg = Grouping.call(f, binder);
                return new WindowCall(WindowCall.Kind.AGGREGATE, new Expr[0], agg, partition, order, agg.type());
            }
            default -> throw RecallException.notSupported("The window function " + name);
        }
    }

    private static Expr[] partition(ExpressionList<?> list, ExpressionBinder binder) {
        if (list == null) {
            return new Expr[0];
        }
        Expr[] out = new Expr[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = binder.bind((Expression) list.get(i));
        }
        return out;
    }

    private static SortKey[] order(List<OrderByElement> elements, ExpressionBinder binder) {
        if (elements == null) {
            return new SortKey[0];
        }
        SortKey[] keys = new SortKey[elements.size()];
        for (int i = 0; i < keys.length; i++) {
            OrderByElement el = elements.get(i);
            keys[i] = SelectBinder.sortKey(binder.bind(el.getExpression()), el);
        }
        return keys;
    }
}
