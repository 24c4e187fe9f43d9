package io.recall.parser.sql;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.ColumnRef;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.Exprs;
import io.recall.parser.expr.OuterRef;
import io.recall.parser.query.AggregateCall;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.SqlType;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The GROUP BY of one query: the group expressions and the aggregate calls found in the select
 * list, HAVING and ORDER BY. After grouping, a row holds the group values then the aggregate
 * results; {@link #scope()} resolves column names to those positions and refuses columns that
 * are neither grouped nor aggregated (42803).
 */
final class Grouping {
    private final ExpressionBinder input;
    private final List<Expr> groups = new ArrayList<>();
    private final List<String> groupTexts = new ArrayList<>();
    private final List<AggregateCall> calls = new ArrayList<>();
    private final Map<String, Integer> callsByText = new HashMap<>();
    private final GroupedScope scope;
    private final Map<String, Expr> aliases = new HashMap<>();
    private boolean frozen;

    /** @param input binds expressions over the rows being grouped (aggregate arguments, GROUP BY terms) */
    Grouping(ExpressionBinder input) {
        this.input = input;
        this.scope = new GroupedScope(input.scope(), this);
    }

    void addGroup(Expr bound, String text) {
        groups.add(bound);
        groupTexts.add(text);
    }

    Scope scope() {
        return scope;
    }

    /** No more aggregate calls: the grouped row's width is final. */
    void freeze() {
        frozen = true;
    }

    /**
     * Makes select-list aliases usable in HAVING and ORDER BY where a name is not a grouped column
     * (as in H2 and SQLite): {@code SELECT -AVG(x) AS a ... HAVING a > 0}.
     */
    void addAlias(String name, Expr value) {
        aliases.putIfAbsent(name, value);
    }

    Expr[] groups() {
        return groups.toArray(new Expr[0]);
    }

    AggregateCall[] calls() {
        return calls.toArray(new AggregateCall[0]);
    }

    int width() {
        return groups.size() + calls.size();
    }

    /** The position of a grouped input expression in the grouped row, or -1. */
    int slotOf(Expr inputExpr) {
        for (int i = 0; i < groups.size(); i++) {
            Expr g = groups.get(i);
            if (g.equals(inputExpr) || g instanceof ColumnRef a && inputExpr instanceof ColumnRef b
                    && a.index() == b.index()) {
                return i;
            }
        }
        return -1;
    }

    /** A GROUP BY term written the same way as {@code e}, or null. */
    Expr matchText(Expression e) {
        int i = groupTexts.indexOf(e.toString());
        return i < 0 ? null : new ColumnRef(i, e.toString(), groups.get(i).type());
    }

    /** Binds an aggregate call and returns the reference to its result in the grouped row. */
    Expr aggregate(Function f) {
        String text = f.toString();
        Integer known = callsByText.get(text);
        if (known != null) {
            AggregateCall c = calls.get(known);
            return new ColumnRef(groups.size() + known, text, c.type());
        }
        if (frozen) {
            throw new RecallException(ErrorCode.INTERNAL_ERROR,
                    "Aggregate call found after the grouped row was laid out: " + text);
        }
        AggregateCall call = call(f, input);
        if (readsOnlyOuterColumns(call)) {
            // SQL makes such a call an aggregate of the enclosing query, evaluated there; computing it over this
            // query's rows would answer wrongly, so refuse it
            throw RecallException.notSupported("An aggregate of enclosing-query columns only (" + text + ")");
        }
        calls.add(call);
        callsByText.put(text, calls.size() - 1);
        return new ColumnRef(groups.size() + calls.size() - 1, text, call.type());
    }

    private static boolean readsOnlyOuterColumns(AggregateCall call) {
        Expr arg = call.argument();
        return arg != null && Exprs.columns(arg).isEmpty() && Exprs.any(arg, e -> e instanceof OuterRef);
    }

    /** The call for an aggregate function, its argument bound by {@code binder}. */
    static AggregateCall call(Function f, ExpressionBinder binder) {
        String name = f.getName().toUpperCase(Locale.ROOT);
        if (!List.of("COUNT", "SUM", "AVG", "MIN", "MAX").contains(name)) {
            throw RecallException.notSupported("The aggregate function " + name);
        }
        if (f.getKeep() != null || f.getNamedParameters() != null || f.getOrderByElements() != null
                || f.getHavingClause() != null || f.getNullHandling() != null || f.getLimit() != null) {
            throw RecallException.notSupported("This form of " + name);
        }
        boolean star = f.getParameters() == null ? f.isAllColumns() : f.getParameters().size() == 1
                && f.getParameters().get(0) instanceof net.sf.jsqlparser.statement.select.AllColumns;
        if (star) { // with arguments, isAllColumns() means the ALL quantifier: SUM(ALL x) is SUM(x)
            if (!name.equals("COUNT") || f.isDistinct()) {
                throw new RecallException(ErrorCode.SYNTAX_ERROR, "Only COUNT takes *: " + f);
            }
            return new AggregateCall(AggregateCall.Kind.COUNT_ROWS, null, false, ColumnType.BIGINT);
        }
        if (f.getParameters() == null || f.getParameters().size() != 1) {
            throw new RecallException(ErrorCode.FUNCTION_NOT_FOUND, "Function " + name + " takes one argument");
        }
        Expr arg = binder.bind(f.getParameters().get(0));
        if ((name.equals("MIN") || name.equals("MAX")) && !arg.type().type().isOrderable()) {
            throw new RecallException(ErrorCode.FUNCTION_NOT_FOUND,
                    "Function " + name + "(" + arg.type().sqlName() + ") does not exist: the type has no order");
        }
        boolean distinct = f.isDistinct() || f.isUnique();
        return switch (name) {
            case "COUNT" -> new AggregateCall(AggregateCall.Kind.COUNT, arg, distinct, ColumnType.BIGINT);
            case "SUM" -> new AggregateCall(AggregateCall.Kind.SUM, arg, distinct, sumType(name, arg.type()));
            case "AVG" -> new AggregateCall(AggregateCall.Kind.AVG, arg, distinct, avgType(name, arg.type()));
            case "MIN" -> new AggregateCall(AggregateCall.Kind.MIN, arg, distinct, arg.type());
            case "MAX" -> new AggregateCall(AggregateCall.Kind.MAX, arg, distinct, arg.type());
            default -> throw RecallException.notSupported("The aggregate function " + name);
        };
    }

    private static ColumnType sumType(String name, ColumnType t) {
        SqlType s = numeric(name, t);
        if (s == SqlType.SMALLINT || s == SqlType.INTEGER) {
            return ColumnType.BIGINT;
        }
        return s == SqlType.REAL || s == SqlType.DOUBLE ? ColumnType.DOUBLE : ColumnType.DECIMAL;
    }

    private static ColumnType avgType(String name, ColumnType t) {
        SqlType s = numeric(name, t);
        return s == SqlType.REAL || s == SqlType.DOUBLE ? ColumnType.DOUBLE : ColumnType.DECIMAL;
    }

    private static SqlType numeric(String name, ColumnType t) {
        SqlType s = t.type();
        if (!s.isNumeric() && s != SqlType.UNKNOWN) {
            throw new RecallException(ErrorCode.FUNCTION_NOT_FOUND,
                    "Function " + name + "(" + s.sqlName() + ") does not exist");
        }
        return s;
    }

    /** Resolves names after grouping: a grouped column maps to its group value, others are refused. */
    private static final class GroupedScope extends Scope {
        private final Scope input;
        private final Grouping grouping;

        GroupedScope(Scope input, Grouping grouping) {
            super(input.parent(), input.level);
            this.input = input;
            this.grouping = grouping;
        }

        @Override
        boolean hasQualifier(String schema, String qualifier) {
            return input.hasQualifier(schema, qualifier);
        }

        @Override
        Expr resolveLocal(String schema, String qualifier, String name) {
            Expr x = input.resolveLocal(schema, qualifier, name);
            Expr alias = qualifier == null ? grouping.aliases.get(name) : null;
            if (x == null) {
                return alias;
            }
            int slot = grouping.slotOf(x);
            if (slot < 0 && alias != null) {
                return alias;
            }
            if (slot < 0) {
                throw new RecallException(ErrorCode.GROUPING_ERROR, "Column " + (qualifier == null ? ""
                        : qualifier + ".") + name + " must appear in GROUP BY or be used in an aggregate function");
            }
            return new ColumnRef(slot, name, x.type());
        }

        @Override
        Entry entryAt(int index) {
            return null;
        }
    }
}
