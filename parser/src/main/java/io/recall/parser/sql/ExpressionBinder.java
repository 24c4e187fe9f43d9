package io.recall.parser.sql;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.Arithmetic;
import io.recall.parser.expr.Between;
import io.recall.parser.expr.Builtin;
import io.recall.parser.expr.Case;
import io.recall.parser.expr.CastExpr;
import io.recall.parser.expr.Comparison;
import io.recall.parser.expr.Concat;
import io.recall.parser.expr.ExistsSubquery;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.InSubquery;
import io.recall.parser.expr.QuantifiedComparison;
import io.recall.parser.expr.ScalarSubquery;
import io.recall.parser.expr.Subquery;
import io.recall.parser.types.HashKey;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.AnyType;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import io.recall.parser.expr.FunctionCall;
import io.recall.parser.expr.InList;
import io.recall.parser.expr.IsNull;
import io.recall.parser.expr.Like;
import io.recall.parser.expr.Literal;
import io.recall.parser.expr.Logical;
import io.recall.parser.expr.Negate;
import io.recall.parser.expr.Not;
import io.recall.parser.expr.Parameter;
import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.SqlType;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.JsonFunction;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Select;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Turns a JSqlParser expression into a compiled {@link Expr} over one {@link Scope}. Every
 * expression form is either bound to an evaluator or refused with 0A000, never passed through.
 */
final class ExpressionBinder {
    private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

    /** Lets a query clause bind some expressions itself: aggregates, window functions, GROUP BY terms. */
    interface Hook {
        /** The bound expression, or null to bind {@code e} the ordinary way. */
        Expr intercept(Expression e, ExpressionBinder binder);
    }

    /** Binds the queries nested in an expression, seeing {@code outer} as their enclosing scope. */
    interface Subqueries {
        SelectBinder.BoundQuery bind(Select select, Scope outer);
    }

    private final Scope scope;
    private final ParameterRegistry parameters;
    private final Subqueries subqueries;
    private final Hook hook;

    ExpressionBinder(Scope scope, ParameterRegistry parameters, Subqueries subqueries) {
        this(scope, parameters, subqueries, null);
    }

    ExpressionBinder(Scope scope, ParameterRegistry parameters, Subqueries subqueries, Hook hook) {
        this.scope = scope;
        this.parameters = parameters;
        this.subqueries = subqueries;
        this.hook = hook;
    }

    Scope scope() {
        return scope;
    }

    ParameterRegistry parameters() {
        return parameters;
    }

    Subqueries subqueries() {
        return subqueries;
    }

    Expr bind(Expression e) {
        if (hook != null) {
            Expr x = hook.intercept(e, this);
            if (x != null) {
                return x;
            }
        }
        if (e instanceof Column c) {
            return c.getArrayConstructor() == null ? column(c) : ArrayBinding.subscriptedColumn(c, this);
        }
        if (e instanceof JdbcParameter p) {
            return parameters.get(p);
        }
        if (e instanceof LongValue v) {
            return integerLiteral(v.getStringValue());
        }
        if (e instanceof StringValue s) {
            return new Literal(s.getNotExcapedValue(), ColumnType.VARCHAR);
        }
        if (e instanceof DoubleValue d) {
            return numericLiteral(d.toString());
        }
        if (e instanceof NullValue) {
            return Literal.NULL;
        }
        if (e instanceof BooleanValue b) {
            return new Literal(b.getValue(), ColumnType.BOOLEAN);
        }
        if (e instanceof HexValue h) {
            return hexLiteral(h.getValue());
        }
        if (e instanceof Parenthesis p) {
            return bind(p.getExpression());
        }
        if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            return bind(list.get(0));
        }
        if (e instanceof SignedExpression s) {
            return signed(s);
        }
        if (e instanceof AndExpression a) {
            return logical(true, a);
        }
        if (e instanceof OrExpression o) {
            return logical(false, o);
        }
        if (e instanceof NotExpression n) {
            return new Not(predicate(n.getExpression()));
        }
        if (e instanceof EqualsTo x) {
            return comparison(Comparison.Op.EQ, x);
        }
        if (e instanceof NotEqualsTo x) {
            return comparison(Comparison.Op.NE, x);
        }
        if (e instanceof GreaterThan x) {
            return comparison(Comparison.Op.GT, x);
        }
        if (e instanceof GreaterThanEquals x) {
            return comparison(Comparison.Op.GE, x);
        }
        if (e instanceof MinorThan x) {
            return comparison(Comparison.Op.LT, x);
        }
        if (e instanceof MinorThanEquals x) {
            return comparison(Comparison.Op.LE, x);
        }
        if (e instanceof IsNullExpression n) {
            return new IsNull(bind(n.getLeftExpression()), n.isNot());
        }
        if (e instanceof InExpression in) {
            return inList(in);
        }
        if (e instanceof net.sf.jsqlparser.expression.operators.relational.Between b) {
            return between(b);
        }
        if (e instanceof LikeExpression l) {
            return like(l);
        }
        if (e instanceof net.sf.jsqlparser.expression.operators.arithmetic.Concat c) {
            Expr left = bind(c.getLeftExpression());
            Expr right = bind(c.getRightExpression());
            if (left.type().type() == SqlType.ARRAY || right.type().type() == SqlType.ARRAY) {
                throw RecallException.notSupported("|| on arrays");
            }
            return new Concat(left, right);
        }
        if (e instanceof Addition x) {
            return arithmetic(Arithmetic.Op.ADD, x);
        }
        if (e instanceof Subtraction x) {
            return arithmetic(Arithmetic.Op.SUBTRACT, x);
        }
        if (e instanceof Multiplication x) {
            return arithmetic(Arithmetic.Op.MULTIPLY, x);
        }
        if (e instanceof Division x) {
            return arithmetic(Arithmetic.Op.DIVIDE, x);
        }
        if (e instanceof Modulo x) {
            return arithmetic(Arithmetic.Op.MODULO, x);
        }
        if (e instanceof CastExpression c) {
            return cast(c);
        }
        if (e instanceof CaseExpression c) {
            return caseExpr(c);
        }
        if (e instanceof TimeKeyExpression t) {
            return timeKey(t.getStringValue());
        }
        if (e instanceof DateTimeLiteralExpression d) {
            return dateTimeLiteral(d);
        }
        if (e instanceof TrimFunction t) {
            return trim(t);
        }
        if (e instanceof Function f) {
            return function(f);
        }
        if (e instanceof net.sf.jsqlparser.expression.ArrayConstructor a) {
            return ArrayBinding.constructor(a, this);
        }
        if (e instanceof ArrayExpression a) {
            return ArrayBinding.element(a, this);
        }
        if (e instanceof JsonExpression j) {
            return JsonBinding.access(j, this);
        }
        if (e instanceof JsonFunction j) {
            return JsonBinding.function(j, this);
        }
        if (e instanceof net.sf.jsqlparser.expression.DateUnitExpression d) {
            return column(new Column(d.toString())); // DAY, MONTH ... used as column names
        }
        if (e instanceof ExistsExpression x) {
            return new ExistsSubquery(anyWidthSubquery(asSelect(x.getRightExpression())), x.isNot());
        }
        if (e instanceof Select s) {
            return scalarSubquery(s);
        }
        if (e instanceof AnalyticExpression) {
            throw new RecallException(ErrorCode.WINDOWING_ERROR,
                    "Window functions are only allowed in the select list and ORDER BY: " + abbreviate(e.toString()));
        }
        throw RecallException.notSupported("The expression " + abbreviate(e.toString()));
    }

    /** Binds an expression used as a condition (WHERE, ON, CASE WHEN): it must be boolean-like. */
    Expr predicate(Expression e) {
        Expr x = bind(e);
        SqlType t = x.type().type();
        if (t != SqlType.BOOLEAN && t != SqlType.UNKNOWN && !t.isNumeric() && !t.isString()) {
            throw new RecallException(ErrorCode.TYPE_MISMATCH,
                    "Condition must be boolean: " + abbreviate(e.toString()));
        }
        return x;
    }

    private Expr column(Column c) {
        String name = Names.normalize(c.getColumnName());
        String qualifier = c.getTable() == null || c.getTable().getName() == null
                ? null : Names.normalize(c.getTable().getName());
        String schema = qualifier == null || c.getTable().getSchemaName() == null
                ? null : Names.normalize(c.getTable().getSchemaName());
        Expr ref = scope == null ? null : scope.resolve(schema, qualifier, name);
        if (ref != null) {
            return ref;
        }
        if (qualifier == null && !Names.isQuoted(c.getColumnName())) {
            switch (name) {
                case "TRUE":
                    return new Literal(Boolean.TRUE, ColumnType.BOOLEAN);
                case "FALSE":
                    return new Literal(Boolean.FALSE, ColumnType.BOOLEAN);
                case "UNKNOWN":
                    return new Literal(null, ColumnType.BOOLEAN);
                case "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME":
                    return timeKey(name);
                default:
                    break;
            }
        }
        String where = scope != null && scope.entries().size() == 1 && scope.entries().get(0).def() != null
                ? " in table " + scope.entries().get(0).table() : "";
        throw new RecallException(ErrorCode.COLUMN_NOT_FOUND,
                "Column " + (qualifier == null ? "" : qualifier + ".") + name + " not found" + where);
    }

    static Literal integerLiteral(String text) {
        BigInteger v = new BigInteger(text.trim());
        if (v.bitLength() < 32) {
            return new Literal(v.intValue(), ColumnType.INTEGER);
        }
        if (v.compareTo(MIN_LONG) >= 0 && v.compareTo(MAX_LONG) <= 0) {
            return new Literal(v.longValue(), ColumnType.BIGINT);
        }
        return new Literal(new BigDecimal(v), ColumnType.DECIMAL);
    }

    private static Literal numericLiteral(String text) {
        String t = text.trim();
        if (t.indexOf('e') >= 0 || t.indexOf('E') >= 0) {
            return new Literal(Double.parseDouble(t), ColumnType.DOUBLE);
        }
        return new Literal(new BigDecimal(t), ColumnType.DECIMAL);
    }

    private static Literal hexLiteral(String text) {
        String t = text.trim();
        if (t.length() > 2 && (t.charAt(0) == 'x' || t.charAt(0) == 'X') && t.charAt(1) == '\'') {
            t = t.substring(2, t.length() - 1);
        } else if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        try {
            return new Literal(HexFormat.of().parseHex(t), ColumnType.VARBINARY);
        } catch (IllegalArgumentException ex) {
            throw new RecallException(ErrorCode.INVALID_CAST, "Invalid hexadecimal literal: " + text);
        }
    }

    private Expr signed(SignedExpression s) {
        Expr inner = bind(s.getExpression());
        return switch (s.getSign()) {
            case '-' -> inner instanceof Literal lit && lit.value() instanceof Number
                    ? new Literal(Negate.negate(lit.value()), lit.type()) : new Negate(inner);
            case '+' -> inner;
            default -> throw RecallException.notSupported("The operator " + s.getSign());
        };
    }

    private Expr logical(boolean and, BinaryExpression e) {
        List<Expr> operands = new ArrayList<>();
        flatten(and, e, operands);
        return new Logical(and, operands.toArray(new Expr[0]));
    }

    private void flatten(boolean and, Expression e, List<Expr> out) {
        if (and && e instanceof AndExpression a) {
            flatten(true, a.getLeftExpression(), out);
            flatten(true, a.getRightExpression(), out);
        } else if (!and && e instanceof OrExpression o) {
            flatten(false, o.getLeftExpression(), out);
            flatten(false, o.getRightExpression(), out);
        } else {
            out.add(predicate(e));
        }
    }

    private Expr comparison(Comparison.Op op, BinaryExpression e) {
        if (e.getRightExpression() instanceof AnyComparisonExpression any) {
            Expr operand = bind(e.getLeftExpression());
            boolean all = any.getAnyType() == AnyType.ALL;
            return new QuantifiedComparison(operand, op, all, subquery(any.getSelect()));
        }
        if (e.getRightExpression() instanceof Function f && f.getName() != null && f.getParameters() != null
                && f.getParameters().size() == 1 && f.getParameters().get(0) instanceof Select s
                && List.of("ANY", "SOME", "ALL").contains(f.getName().toUpperCase(Locale.ROOT))) {
            Expr operand = bind(e.getLeftExpression());
            return new QuantifiedComparison(operand, op, f.getName().equalsIgnoreCase("ALL"), subquery(s));
        }
        if (e.getRightExpression() instanceof Function f && f.getName() != null && f.getParameters() != null
                && f.getParameters().size() == 1
                && List.of("ANY", "SOME", "ALL").contains(f.getName().toUpperCase(Locale.ROOT))) {
            Expr operand = bind(e.getLeftExpression());
            return ArrayBinding.quantified(operand, op, f.getName().equalsIgnoreCase("ALL"),
                    bind(f.getParameters().get(0)));
        }
        Expr left = bind(e.getLeftExpression());
        Expr right = bind(e.getRightExpression());
        inferParameter(left, right.type());
        inferParameter(right, left.type());
        if (op != Comparison.Op.EQ && op != Comparison.Op.NE) {
            requireOrderable(op.symbol(), left);
            requireOrderable(op.symbol(), right);
        }
        if (left.type().type() == SqlType.ARRAY && right.type().type().isString()) {
            right = folded(new CastExpr(right, left.type()));
        } else if (right.type().type() == SqlType.ARRAY && left.type().type().isString()) {
            left = folded(new CastExpr(left, right.type()));
        }
        if (isChar(left) || isChar(right)) {
            return new Comparison(op, unpadded(left), unpadded(right));
        }
        return new Comparison(op, left, right);
    }

    /** {@code <}, BETWEEN and the like on a type without order: 42883, as PostgreSQL's missing operator. */
    static void requireOrderable(String operator, Expr e) {
        SqlType t = e.type().type();
        if (!t.isOrderable()) {
            throw new RecallException(ErrorCode.FUNCTION_NOT_FOUND,
                    "Operator " + operator + " does not exist for " + t.sqlName() + " values (only = and <>)");
        }
    }

    private static boolean isChar(Expr e) {
        return e.type().type() == SqlType.CHAR;
    }

    /**
     * CHAR(n) values are stored padded with spaces, and trailing spaces do not count when they are
     * compared (as in PostgreSQL and H2): comparisons with a CHAR side compare without them.
     */
    private static Expr unpadded(Expr e) {
        SqlType t = e.type().type();
        if (t == SqlType.CHAR || t.isString() && !(e instanceof Parameter)) {
            return new FunctionCall(Builtin.RTRIM, new Expr[]{e}, ColumnType.VARCHAR);
        }
        return e;
    }

    static void inferParameter(Expr maybeParameter, ColumnType type) {
        if (maybeParameter instanceof Parameter p) {
            p.inferType(type);
        }
    }

    private Expr inList(InExpression in) {
        Expression right = in.getRightExpression();
        if (in.getLeftExpression() instanceof ExpressionList<?> tuple && tuple.size() > 1) {
            throw RecallException.notSupported("Row values with IN");
        }
        Expr operand = bind(in.getLeftExpression());
        if (right instanceof Select s) {
            SelectBinder.BoundQuery q = subqueryBound(s);
            ColumnType itemType = q.columns()[0].type();
            inferParameter(operand, itemType);
            return new InSubquery(operand, q.subquery(), HashKey.compatible(operand.type(), itemType), in.isNot());
        }
        if (!(right instanceof ExpressionList<?> list)) {
            throw RecallException.notSupported("This form of IN");
        }
        Expr[] items = new Expr[list.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = bind(list.get(i));
            inferParameter(items[i], operand.type());
        }
        if (items.length > 0) {
            inferParameter(operand, items[0].type());
        }
        boolean anyChar = isChar(operand);
        for (Expr item : items) {
            anyChar |= isChar(item);
        }
        if (anyChar) {
            for (int i = 0; i < items.length; i++) {
                items[i] = unpadded(items[i]);
            }
            return new InList(unpadded(operand), items, in.isNot());
        }
        return new InList(operand, items, in.isNot());
    }

    private Expr between(net.sf.jsqlparser.expression.operators.relational.Between b) {
        Expr operand = bind(b.getLeftExpression());
        Expr low = bind(b.getBetweenExpressionStart());
        Expr high = bind(b.getBetweenExpressionEnd());
        inferParameter(low, operand.type());
        inferParameter(high, operand.type());
        requireOrderable("BETWEEN", operand);
        if (isChar(operand) || isChar(low) || isChar(high)) {
            return new Between(unpadded(operand), unpadded(low), unpadded(high), b.isNot());
        }
        return new Between(operand, low, high, b.isNot());
    }

    private Expr like(LikeExpression l) {
        String keyword = l.getLikeKeyWord() == null ? "LIKE" : l.getLikeKeyWord().name();
        boolean ignoreCase = keyword.equals("ILIKE");
        if (!keyword.equals("LIKE") && !ignoreCase) {
            throw RecallException.notSupported(keyword);
        }
        Expr operand = bind(l.getLeftExpression());
        Expr pattern = bind(l.getRightExpression());
        Expr escape = l.getEscape() == null ? null : bind(l.getEscape());
        inferParameter(pattern, ColumnType.VARCHAR);
        inferParameter(operand, ColumnType.VARCHAR);
        return new Like(operand, pattern, escape, l.isNot(), ignoreCase);
    }

    private Expr arithmetic(Arithmetic.Op op, BinaryExpression e) {
        Expr left = bind(e.getLeftExpression());
        Expr right = bind(e.getRightExpression());
        inferParameter(left, right.type());
        inferParameter(right, left.type());
        for (Expr x : new Expr[]{left, right}) {
            SqlType t = x.type().type();
            if (t == SqlType.BOOLEAN || t.isBinary() || t == SqlType.UUID || t == SqlType.JSON || t == SqlType.ARRAY
                    || t == SqlType.JAVA_OBJECT) {
                throw new RecallException(ErrorCode.TYPE_MISMATCH,
                        "Operator " + e.getStringExpression() + " cannot take a " + t.sqlName() + " value");
            }
        }
        Expr result = new Arithmetic(op, left, right, Arithmetic.resultType(left.type(), right.type()));
        return folded(result);
    }

    private Expr cast(CastExpression c) {
        ColumnType target = TypeNames.parse(c.getColDataType().toString()).type();
        Expr operand = bind(c.getLeftExpression());
        inferParameter(operand, target);
        return folded(new CastExpr(operand, target));
    }

    private Expr caseExpr(CaseExpression c) {
        Expr operand = c.getSwitchExpression() == null ? null : bind(c.getSwitchExpression());
        List<WhenClause> clauses = c.getWhenClauses();
        Expr[] whens = new Expr[clauses.size()];
        Expr[] thens = new Expr[clauses.size()];
        List<ColumnType> resultTypes = new ArrayList<>();
        for (int i = 0; i < whens.length; i++) {
            whens[i] = operand == null ? predicate(clauses.get(i).getWhenExpression())
                    : bind(clauses.get(i).getWhenExpression());
            thens[i] = bind(clauses.get(i).getThenExpression());
            resultTypes.add(thens[i].type());
        }
        Expr otherwise = c.getElseExpression() == null ? null : bind(c.getElseExpression());
        if (otherwise != null) {
            resultTypes.add(otherwise.type());
        }
        return new Case(operand, whens, thens, otherwise, Builtin.common(resultTypes.toArray(new ColumnType[0])));
    }

    private Expr timeKey(String key) {
        String k = key.toUpperCase(Locale.ROOT).replace("()", "").trim();
        Builtin fn = Builtin.byName(k);
        if (fn == null) {
            throw RecallException.notSupported(key);
        }
        return new FunctionCall(fn, new Expr[0], fn.resultType(new ColumnType[0]));
    }

    private Expr dateTimeLiteral(DateTimeLiteralExpression d) {
        String v = d.getValue();
        if (v.length() >= 2 && v.charAt(0) == '\'') {
            v = v.substring(1, v.length() - 1);
        }
        ColumnType type = switch (d.getType()) {
            case DATE -> ColumnType.DATE;
            case TIME -> ColumnType.TIME;
            case TIMESTAMP -> ColumnType.TIMESTAMP;
            case TIMESTAMPTZ -> ColumnType.TIMESTAMP_TZ;
            default -> throw RecallException.notSupported("The literal " + d);
        };
        return new Literal(Cast.explicit(v, type), type);
    }

    private Expr trim(TrimFunction t) {
        Builtin fn = Builtin.TRIM;
        if (t.getTrimSpecification() != null) {
            fn = switch (t.getTrimSpecification()) {
                case LEADING -> Builtin.LTRIM;
                case TRAILING -> Builtin.RTRIM;
                default -> Builtin.TRIM;
            };
        }
        Expr[] args;
        if (t.getFromExpression() != null && t.getExpression() == null) {
            args = new Expr[]{bind(t.getFromExpression())}; // TRIM(BOTH FROM s): spaces
        } else if (t.getFromExpression() != null) {
            args = new Expr[]{bind(t.getFromExpression()), bind(t.getExpression())};
        } else {
            args = new Expr[]{bind(t.getExpression())};
        }
        return new FunctionCall(fn, args, ColumnType.VARCHAR);
    }

    private Expr function(Function f) {
        String name = f.getName() == null ? "" : f.getName().toUpperCase(Locale.ROOT);
        if (isAggregate(name)) {
            throw new RecallException(ErrorCode.GROUPING_ERROR,
                    "Aggregate functions are not allowed here: " + abbreviate(f.toString()));
        }
        if (name.equals("CARDINALITY") && f.getParameters() != null && f.getParameters().size() == 1) {
            return ArrayBinding.cardinality(bind(f.getParameters().get(0)));
        }
        Builtin fn = Builtin.byName(name);
        if (fn == null) {
            return javaFunction(f);
        }
        if (f.isDistinct() || f.isAllColumns() || f.getKeep() != null || f.getNamedParameters() != null) {
            throw RecallException.notSupported("This form of " + name);
        }
        List<Expr> args = new ArrayList<>();
        if (f.getParameters() != null) {
            for (Expression p : f.getParameters()) {
                args.add(bind(p));
            }
        }
        if (f.getKeywordArguments() != null) {
            for (Function.KeywordArgument k : f.getKeywordArguments()) {
                args.add(bind(k.getExpression()));
            }
        }
        if (args.size() < fn.minArgs() || args.size() > fn.maxArgs()) {
            throw new RecallException(ErrorCode.FUNCTION_NOT_FOUND,
                    "Function " + name + " does not take " + args.size() + " arguments");
        }
        Expr[] argArray = args.toArray(new Expr[0]);
        ColumnType[] types = new ColumnType[argArray.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = argArray[i].type();
        }
        Expr call = new FunctionCall(fn, argArray, fn.resultType(types));
        return fn.isVolatile() ? call : folded(call);
    }

    /** A call of a function registered with CREATE FUNCTION ... FOR; 42883 when there is none of that name. */
    private Expr javaFunction(Function f) {
        io.recall.parser.catalog.FunctionDef def = JavaFunctions.lookup(Names.normalize(f.getName()));
        if (def == null) {
            throw new RecallException(ErrorCode.FUNCTION_NOT_FOUND, "Function " + f.getName() + " does not exist"
                    + (JavaFunctions.callableHere() ? "" : " (registered Java functions are callable in queries,"
                    + " DML and views only)"));
        }
        if (f.isDistinct() || f.isAllColumns() || f.getKeep() != null || f.getNamedParameters() != null
                || f.getKeywordArguments() != null) {
            throw RecallException.notSupported("This form of " + def.name());
        }
        List<Expr> args = new ArrayList<>();
        if (f.getParameters() != null) {
            for (Expression p : f.getParameters()) {
                args.add(bind(p));
            }
        }
        return JavaFunctions.call(def, args.toArray(new Expr[0]));
    }

    private Expr scalarSubquery(Select s) {
        SelectBinder.BoundQuery q = subqueryBound(s);
        return new ScalarSubquery(q.subquery(), q.columns()[0].type());
    }

    private Subquery subquery(Select s) {
        return subqueryBound(s).subquery();
    }

    /** EXISTS reads no column, so its subquery may have any number of them. */
    private Subquery anyWidthSubquery(Select s) {
        if (subqueries == null) {
            throw RecallException.notSupported("A subquery here");
        }
        return subqueries.bind(s, scope).subquery();
    }

    private SelectBinder.BoundQuery subqueryBound(Select s) {
        if (subqueries == null) {
            throw RecallException.notSupported("A subquery here");
        }
        SelectBinder.BoundQuery q = subqueries.bind(s, scope);
        if (q.columns().length != 1) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR,
                    "A subquery used as a value must return one column, not " + q.columns().length);
        }
        return q;
    }

    private static Select asSelect(Expression e) {
        if (e instanceof Select s) {
            return s;
        }
        throw RecallException.notSupported("EXISTS over " + abbreviate(e.toString()));
    }

    static boolean isAggregate(String name) {
        return switch (name) {
            case "COUNT", "SUM", "AVG", "MIN", "MAX", "EVERY", "BOOL_AND", "BOOL_OR", "STRING_AGG", "GROUP_CONCAT",
                 "LISTAGG", "ARRAY_AGG", "STDDEV", "VARIANCE" -> true;
            default -> false;
        };
    }

    /** Evaluates constant subtrees once, at prepare time. */
    private static Expr folded(Expr e) {
        if (e instanceof Arithmetic a && a.left().isConstant() && a.right().isConstant()
                || e instanceof CastExpr c && c.operand().isConstant()
                || e instanceof FunctionCall f && allConstant(f.args())) {
            try {
                return new Literal(e.eval(null, null), e.type());
            } catch (RecallException failsWhenRun) {
                return e; // e.g. 1/0 in a CASE branch that may never be taken: fail only if evaluated
            }
        }
        return e;
    }

    private static boolean allConstant(Expr[] args) {
        for (Expr a : args) {
            if (!a.isConstant()) {
                return false;
            }
        }
        return true;
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
