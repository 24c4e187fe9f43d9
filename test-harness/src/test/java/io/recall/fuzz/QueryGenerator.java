package io.recall.fuzz;

import io.recall.fuzz.ColumnType.Family;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.recall.fuzz.Node.Kind.EXPR;
import static io.recall.fuzz.Node.Kind.JOIN;
import static io.recall.fuzz.Node.Kind.OPTIONAL;
import static io.recall.fuzz.Node.Kind.QUERY;
import static io.recall.fuzz.Node.Kind.SETOP;
import static io.recall.fuzz.Node.Kind.WHERE;

/**
 * Random queries over a {@link FuzzSchema}, within the SQL Recall supports: joins of every kind, derived tables,
 * nested boolean expressions with NULLs, comparisons across numeric types, IN lists and subqueries, EXISTS,
 * quantified comparisons, GROUP BY/HAVING with the six aggregates, DISTINCT, set operations, CASE/COALESCE/CAST,
 * ORDER BY/LIMIT. Column references are always qualified by an alias unique within the query, so scopes
 * never shadow by accident. Expressions keep their type so that division runs only on integers (see
 * {@link DialectDifferences#DECIMAL_DIVISION}).
 */
final class QueryGenerator {
    record Col(String ref, ColumnType type) {
    }

    /** What an expression may read: plain columns, and (in a grouped block) aggregate arguments. */
    private record Ctx(List<Col> cols, List<Col> aggCols) {
        Ctx plain() {
            return new Ctx(cols, null);
        }
    }

    private record From(Node node, List<Col> cols) {
    }

    private static final String[] COMPARE = {" = ", " <> ", " < ", " <= ", " > ", " >= "};
    private static final String[] SET_OPS = {" UNION ", " UNION ALL ", " INTERSECT ", " INTERSECT ALL ",
            " EXCEPT ", " EXCEPT ALL "};
    private static final String[] LIKE = {"'a%'", "'%b'", "'_'", "'a_'", "'%'", "'A%'"};

    private final Random r;
    private final FuzzSchema schema;
    private int aliases;
    private int subqueries;
    private List<Col> rootScope = List.of();

    QueryGenerator(Random r, FuzzSchema schema) {
        this.r = r;
        this.schema = schema;
    }

    /** A whole query: [body, ORDER BY clause (possibly empty)]. */
    Node query() {
        aliases = 0;
        subqueries = 0;
        rootScope = List.of();
        Node body;
        int width;
        if (r.nextInt(5) == 0) {
            List<Family> shape = shape();
            body = setOperation(shape, 1 + r.nextInt(2));
            width = shape.size();
        } else {
            body = select(null, List.of(), 2, false, true);
            width = body.child(Node.Kind.LIST, null).parts.size();
        }
        Node order = Node.of(OPTIONAL, "ORDER");
        if (r.nextBoolean()) {
            order = Node.of(OPTIONAL, "ORDER", orderAll(width));
        }
        return Node.of(Node.Kind.ROOT, null, body, order);
    }

    /** A condition over the columns of the last query's top SELECT block (for ternary logic partitioning). */
    Node predicate() {
        return bool(new Ctx(rootScope, null), 2);
    }

    /** ORDER BY every column (so the order is fully determined up to equal rows), then maybe LIMIT/OFFSET. */
    private String orderAll(int width) {
        StringBuilder sb = new StringBuilder(" ORDER BY ");
        List<Integer> positions = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
            positions.add(i);
        }
        java.util.Collections.shuffle(positions, r);
        for (int i = 0; i < positions.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(positions.get(i));
            if (r.nextBoolean()) {
                sb.append(" DESC");
            }
            int nulls = r.nextInt(4);
            if (nulls == 0) {
                sb.append(" NULLS FIRST");
            } else if (nulls == 1) {
                sb.append(" NULLS LAST");
            }
        }
        if (r.nextBoolean()) {
            sb.append(" LIMIT ").append(r.nextInt(6));
            if (r.nextBoolean()) {
                sb.append(" OFFSET ").append(r.nextInt(4));
            }
        }
        return sb.toString();
    }

    private List<Family> shape() {
        int n = 1 + r.nextInt(3);
        List<Family> shape = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shape.add(family());
        }
        return shape;
    }

    private Family family() {
        int f = r.nextInt(10);
        return f < 6 ? Family.NUMBER : f < 8 ? Family.TEXT : f < 9 ? Family.DATE : Family.BOOL;
    }

    private Node setOperation(List<Family> shape, int depth) {
        Node left = depth > 1 && r.nextInt(3) == 0 ? setOperation(shape, depth - 1) : select(shape, List.of(), 1, false, false);
        Node right = depth > 1 && r.nextInt(3) == 0 ? setOperation(shape, depth - 1) : select(shape, List.of(), 1, false, false);
        return Node.of(SETOP, null, "(", left, ")" + ColumnType.pick(r, SET_OPS) + "(", right, ")");
    }

    /**
     * One SELECT block. {@code shape} fixes the families of its columns (null: any), {@code outer} are the
     * columns of enclosing queries it may read (correlation).
     */
    private Node select(List<Family> shape, List<Col> outer, int depth, boolean aliasItems, boolean top) {
        From from = from(outer, depth);
        List<Col> scope = concat(from.cols, outer);
        if (top) {
            rootScope = scope;
        }
        Node where = r.nextInt(10) < 6
                ? Node.of(WHERE, null, " WHERE ", bool(new Ctx(scope, null), depth + 1))
                : Node.of(WHERE, null);
        int width = shape != null ? shape.size() : 1 + r.nextInt(3);
        boolean grouped = r.nextInt(10) < 3;
        List<Node> items = new ArrayList<>();
        Node groupBy = Node.of(OPTIONAL, "GROUP");
        Node having = Node.of(OPTIONAL, "HAVING");
        if (grouped) {
            List<Col> keys = new ArrayList<>();
            List<Node> keyNodes = new ArrayList<>();
            int keyCount = r.nextInt(3);
            for (int i = 0; i < keyCount && !from.cols.isEmpty(); i++) {
                Col k = from.cols.get(r.nextInt(from.cols.size()));
                if (!keys.contains(k)) {
                    keys.add(k);
                    keyNodes.add(column(k));
                }
            }
            // outer columns stay out of a grouped block's select list and HAVING (DialectDifferences.OUTER_IN_GROUPED)
            Ctx ctx = new Ctx(keys, scope);
            for (int i = 0; i < width; i++) {
                items.add(item(expr(shape != null ? shape.get(i) : family(), ctx, 2), i, aliasItems));
            }
            if (!keyNodes.isEmpty()) {
                groupBy = Node.of(OPTIONAL, "GROUP", " GROUP BY ", Node.list(", ", keyNodes));
            }
            if (r.nextInt(10) < 4) {
                having = Node.of(OPTIONAL, "HAVING", " HAVING ", bool(ctx, 2));
            }
        } else {
            Ctx ctx = new Ctx(scope, null);
            for (int i = 0; i < width; i++) {
                items.add(item(expr(shape != null ? shape.get(i) : family(), ctx, 2), i, aliasItems));
            }
        }
        Node distinct = r.nextInt(7) == 0 ? Node.of(OPTIONAL, "DISTINCT", "DISTINCT ") : Node.of(OPTIONAL, "DISTINCT");
        return Node.of(QUERY, grouped ? "GROUPED" : "PLAIN", "SELECT ", distinct, Node.list(", ", items), " FROM ",
                from.node, where, groupBy, having);
    }

    private static Node item(Node expr, int i, boolean alias) {
        return alias ? Node.of(QUERY, "ALIAS", expr, " AS c" + i) : expr;
    }

    private From from(List<Col> outer, int depth) {
        int n = 1 + r.nextInt(depth >= 2 ? 3 : 2);
        From acc = fromItem(depth);
        boolean comma = r.nextInt(8) == 0;
        for (int i = 1; i < n; i++) {
            From next = fromItem(depth);
            List<Col> cols = concat(acc.cols, next.cols);
            Node node;
            if (comma) {
                node = Node.of(JOIN, "COMMA", acc.node, ", ", next.node);
            } else {
                int k = r.nextInt(20);
                String kind = k < 7 ? "INNER" : k < 12 ? "LEFT" : k < 15 ? "RIGHT" : k < 18 ? "FULL" : "CROSS";
                if (kind.equals("CROSS")) {
                    node = Node.of(JOIN, kind, acc.node, " CROSS JOIN ", next.node);
                } else {
                    Node on = joinCondition(acc.cols, next.cols, concat(cols, outer));
                    node = Node.of(JOIN, kind, acc.node, " " + kind + " JOIN ", next.node, " ON ", on);
                }
            }
            acc = new From(node, cols);
        }
        return acc;
    }

    private From fromItem(int depth) {
        if (depth > 0 && subqueries < 2 && r.nextInt(10) == 0) {
            subqueries++;
            String alias = "d" + aliases++;
            List<Family> shape = shape();
            Node q = select(shape, List.of(), depth - 1, true, false);
            List<Col> cols = new ArrayList<>();
            Node items = q.child(Node.Kind.LIST, null);
            for (int i = 0; i < items.parts.size(); i++) {
                Node aliased = (Node) items.parts.get(i);
                cols.add(new Col(alias + ".c" + i, ((Node) aliased.parts.get(0)).type));
            }
            return new From(Node.of(QUERY, "DERIVED", "(", q, ") AS " + alias), cols);
        }
        FuzzSchema.Table t = schema.tables().get(r.nextInt(schema.tables().size()));
        String alias = "a" + aliases++;
        List<Col> cols = new ArrayList<>();
        for (FuzzSchema.Column c : t.columns()) {
            cols.add(new Col(alias + "." + c.name(), c.type()));
        }
        return new From(Node.of(QUERY, "TABLE", t.name() + " " + alias), cols);
    }

    private Node joinCondition(List<Col> left, List<Col> right, List<Col> all) {
        if (r.nextInt(5) != 0) {
            Col rc = right.get(r.nextInt(right.size()));
            List<Col> matches = left.stream().filter(c -> c.type.family == rc.type.family).toList();
            if (!matches.isEmpty()) {
                Col lc = matches.get(r.nextInt(matches.size()));
                Node eq = Node.expr(ColumnType.BOOLEAN, "(", column(lc), " = ", column(rc), ")");
                if (r.nextInt(4) == 0) {
                    return Node.expr(ColumnType.BOOLEAN, "(", eq, " AND ", bool(new Ctx(all, null), 1), ")");
                }
                return eq;
            }
        }
        return bool(new Ctx(all, null), 1);
    }

    // ---- expressions

    private Node expr(Family fam, Ctx ctx, int depth) {
        if (fam == Family.BOOL) {
            return bool(ctx, depth);
        }
        int roll = r.nextInt(100);
        if (ctx.aggCols != null && roll < 40) {
            return aggregate(fam, ctx, depth);
        }
        if (depth <= 0 || roll < 60) {
            return leaf(fam, ctx);
        }
        return switch (fam) {
            case NUMBER -> number(ctx, depth);
            case TEXT -> text(ctx, depth);
            default -> date(ctx, depth);
        };
    }

    private Node leaf(Family fam, Ctx ctx) {
        List<Col> cands = ctx.cols.stream().filter(c -> c.type.family == fam).toList();
        if (!cands.isEmpty() && r.nextInt(4) != 0) {
            return column(cands.get(r.nextInt(cands.size())));
        }
        ColumnType t = ColumnType.ofFamily(fam, r);
        return Node.expr(t, r.nextInt(8) == 0 ? t.typedNull() : t.literal(r));
    }

    private static Node column(Col c) {
        return Node.expr(c.type, c.ref);
    }

    private Node number(Ctx ctx, int depth) {
        int d = depth - 1;
        switch (r.nextInt(12)) {
            case 0, 1, 2 -> {
                Node a = expr(Family.NUMBER, ctx, d);
                Node b = expr(Family.NUMBER, ctx, d);
                String op = ColumnType.pick(r, new String[]{" + ", " - ", " * "});
                return Node.expr(ColumnType.arithmetic(a.type, b.type), "(", a, op, b, ")");
            }
            case 3 -> {
                Node a = expr(Family.NUMBER, ctx, d);
                return Node.expr(a.type, "(-", a, ")");
            }
            case 4 -> {
                Node a = expr(Family.NUMBER, ctx, d);
                return Node.expr(a.type, "ABS(", a, ")");
            }
            case 5 -> {
                Node a = expr(Family.NUMBER, ctx, d);
                if (!a.type.isExactInteger()) {
                    a = toBigint(a);
                }
                return Node.expr(a.type, "(", a, r.nextBoolean() ? " / " : " % ", String.valueOf(2 + r.nextInt(2)), ")");
            }
            case 6 -> {
                return caseWhen(Family.NUMBER, ctx, d);
            }
            case 7 -> {
                Node a = expr(Family.NUMBER, ctx, d);
                Node b = expr(Family.NUMBER, ctx, d);
                return Node.expr(ColumnType.arithmetic(a.type, b.type), "COALESCE(", a, ", ", b, ")");
            }
            case 8 -> {
                // casts only to types wide enough for every value (see DialectDifferences.EVALUATION_ORDER)
                Node a = expr(Family.NUMBER, ctx, d);
                return switch (r.nextInt(3)) {
                    case 0 -> toBigint(a);
                    case 1 -> Node.expr(ColumnType.DECIMAL, "CAST(", a, " AS DECIMAL(30,4))");
                    default -> Node.expr(ColumnType.DOUBLE, "CAST(", a, " AS DOUBLE PRECISION)");
                };
            }
            case 9 -> {
                return Node.expr(ColumnType.BIGINT, "LENGTH(", expr(Family.TEXT, ctx, d), ")");
            }
            case 10 -> {
                return simpleCase(Family.NUMBER, ctx, d);
            }
            default -> {
                return scalarSubquery(Family.NUMBER, ctx, d);
            }
        }
    }

    /** CAST to BIGINT; a DOUBLE goes through DECIMAL first (DialectDifferences.DOUBLE_TO_INTEGER). */
    private static Node toBigint(Node a) {
        if (a.type == ColumnType.DOUBLE) {
            return Node.expr(ColumnType.BIGINT, "CAST(CAST(", a, " AS DECIMAL(30,4)) AS BIGINT)");
        }
        return Node.expr(ColumnType.BIGINT, "CAST(", a, " AS BIGINT)");
    }

    private Node text(Ctx ctx, int depth) {
        int d = depth - 1;
        switch (r.nextInt(8)) {
            case 0, 1 -> {
                return Node.expr(ColumnType.VARCHAR, "(", expr(Family.TEXT, ctx, d), " || ", expr(Family.TEXT, ctx, d), ")");
            }
            case 2 -> {
                return Node.expr(ColumnType.VARCHAR, r.nextBoolean() ? "UPPER(" : "LOWER(", expr(Family.TEXT, ctx, d), ")");
            }
            case 3 -> {
                return caseWhen(Family.TEXT, ctx, d);
            }
            case 4 -> {
                return Node.expr(ColumnType.VARCHAR, "COALESCE(", expr(Family.TEXT, ctx, d), ", ", expr(Family.TEXT, ctx, d), ")");
            }
            case 5 -> {
                Node a = expr(Family.NUMBER, ctx, d);
                if (a.type == ColumnType.DOUBLE) {
                    a = toBigint(a);
                }
                return Node.expr(ColumnType.VARCHAR, "CAST(", a, " AS VARCHAR(40))");
            }
            case 6 -> {
                return Node.expr(ColumnType.VARCHAR, "SUBSTRING(", expr(Family.TEXT, ctx, d), ", 1, 2)");
            }
            default -> {
                return scalarSubquery(Family.TEXT, ctx, d);
            }
        }
    }

    private Node date(Ctx ctx, int depth) {
        int d = depth - 1;
        return switch (r.nextInt(4)) {
            case 0 -> caseWhen(Family.DATE, ctx, d);
            case 1 -> Node.expr(ColumnType.DATE, "COALESCE(", expr(Family.DATE, ctx, d), ", ", expr(Family.DATE, ctx, d), ")");
            case 2 -> Node.expr(ColumnType.DATE, "CAST('2020-01-02' AS DATE)");
            default -> scalarSubquery(Family.DATE, ctx, d);
        };
    }

    private Node caseWhen(Family fam, Ctx ctx, int d) {
        Node a = expr(fam, ctx, d);
        if (r.nextBoolean()) {
            return Node.expr(a.type, "CASE WHEN ", bool(ctx, d), " THEN ", a, " END");
        }
        Node b = expr(fam, ctx, d);
        ColumnType t = fam == Family.NUMBER ? ColumnType.arithmetic(a.type, b.type) : a.type;
        return Node.expr(t, "CASE WHEN ", bool(ctx, d), " THEN ", a, " ELSE ", b, " END");
    }

    private Node simpleCase(Family fam, Ctx ctx, int d) {
        Family keyFam = family();
        if (keyFam == Family.BOOL) {
            keyFam = Family.NUMBER;
        }
        Node key = expr(keyFam, ctx, d);
        Node when = leaf(keyFam, ctx);
        Node a = expr(fam, ctx, d);
        Node b = expr(fam, ctx, d);
        ColumnType t = fam == Family.NUMBER ? ColumnType.arithmetic(a.type, b.type) : a.type;
        return Node.expr(t, "CASE ", key, " WHEN ", when, " THEN ", a, " ELSE ", b, " END");
    }

    private Node aggregate(Family fam, Ctx ctx, int depth) {
        Ctx inner = new Ctx(ctx.aggCols, null);
        int d = Math.max(0, depth - 1);
        if (fam != Family.NUMBER) {
            Node a = expr(fam, inner, d);
            return Node.expr(a.type, r.nextBoolean() ? "MIN(" : "MAX(", a, ")");
        }
        switch (r.nextInt(8)) {
            case 0 -> {
                return Node.expr(ColumnType.BIGINT, "COUNT(*)");
            }
            case 1 -> {
                Node a = expr(family(), inner, d);
                return Node.expr(ColumnType.BIGINT, r.nextBoolean() ? "COUNT(" : "COUNT(DISTINCT ", a, ")");
            }
            case 2, 3 -> {
                Node a = expr(Family.NUMBER, inner, d);
                ColumnType t = a.type == ColumnType.INTEGER ? ColumnType.BIGINT
                        : a.type == ColumnType.DOUBLE ? ColumnType.DOUBLE : ColumnType.DECIMAL;
                return Node.expr(t, r.nextInt(4) == 0 ? "SUM(DISTINCT " : "SUM(", a, ")");
            }
            case 4 -> {
                // AVG's type differs between engines (DOUBLE in H2, DECIMAL in Recall): treat it as inexact
                return Node.expr(ColumnType.DOUBLE, "AVG(", expr(Family.NUMBER, inner, d), ")");
            }
            default -> {
                Node a = expr(Family.NUMBER, inner, d);
                return Node.expr(a.type, r.nextBoolean() ? "MIN(" : "MAX(", a, ")");
            }
        }
    }

    private Node scalarSubquery(Family fam, Ctx ctx, int depth) {
        if (subqueries >= 2 || depth < 0) {
            return leaf(fam, ctx);
        }
        subqueries++;
        From from = from(ctx.cols, 1);
        List<Col> scope = concat(from.cols, ctx.cols);
        Node where = r.nextInt(10) < 7 ? Node.of(WHERE, null, " WHERE ", bool(new Ctx(scope, null), 1)) : Node.of(WHERE, null);
        // mostly over the subquery's own columns: an aggregate of outer columns only is refused (0A000)
        Node agg = aggregate(fam, new Ctx(List.of(), r.nextInt(4) == 0 ? scope : from.cols), 1);
        Node q = Node.of(QUERY, "GROUPED", "SELECT ", Node.of(OPTIONAL, "DISTINCT"), Node.list(", ", List.of(agg)), " FROM ",
                from.node, where, Node.of(OPTIONAL, "GROUP"), Node.of(OPTIONAL, "HAVING"));
        return Node.expr(agg.type, "(", q, ")");
    }

    // ---- conditions

    private Node bool(Ctx ctx, int depth) {
        int roll = r.nextInt(100);
        int d = depth - 1;
        if (depth <= 0 || roll < 30) {
            return boolLeaf(ctx);
        }
        switch (r.nextInt(11)) {
            case 0, 1 -> {
                return Node.expr(ColumnType.BOOLEAN, "(", bool(ctx, d), " AND ", bool(ctx, d), ")");
            }
            case 2, 3 -> {
                return Node.expr(ColumnType.BOOLEAN, "(", bool(ctx, d), " OR ", bool(ctx, d), ")");
            }
            case 4 -> {
                return Node.expr(ColumnType.BOOLEAN, "(NOT ", bool(ctx, d), ")");
            }
            case 5 -> {
                Family f = comparable();
                List<Node> items = new ArrayList<>();
                int n = 1 + r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    items.add(r.nextInt(6) == 0 ? Node.expr(ColumnType.ofFamily(f, r), "NULL") : expr(f, ctx, 0));
                }
                return Node.expr(ColumnType.BOOLEAN, "(", expr(f, ctx, d), r.nextInt(3) == 0 ? " NOT IN (" : " IN (",
                        Node.list(", ", items), "))");
            }
            case 6 -> {
                Family f = comparable();
                return Node.expr(ColumnType.BOOLEAN, "(", expr(f, ctx, d), r.nextInt(4) == 0 ? " NOT BETWEEN " : " BETWEEN ",
                        expr(f, ctx, 0), " AND ", expr(f, ctx, 0), ")");
            }
            case 7 -> {
                if (subqueries >= 2) {
                    return boolLeaf(ctx);
                }
                subqueries++;
                Family f = comparable();
                Node q = select(List.of(f), ctx.cols, Math.max(0, d), false, false);
                return Node.expr(ColumnType.BOOLEAN, "(", expr(f, ctx, d), r.nextInt(3) == 0 ? " NOT IN (" : " IN (", q, "))");
            }
            case 8 -> {
                if (subqueries >= 2) {
                    return boolLeaf(ctx);
                }
                subqueries++;
                Node q = select(null, ctx.cols, Math.max(0, d), false, false);
                return Node.expr(ColumnType.BOOLEAN, r.nextInt(3) == 0 ? "(NOT EXISTS (" : "(EXISTS (", q, "))");
            }
            case 9 -> {
                if (subqueries >= 2) {
                    return boolLeaf(ctx);
                }
                subqueries++;
                Family f = comparable();
                Node q = select(List.of(f), ctx.cols, Math.max(0, d), false, false);
                boolean all = r.nextBoolean();
                // never = ALL: H2 answers it wrongly through an index (DialectDifferences.H2_EQUALS_ALL)
                String op = all ? ColumnType.pick(r, new String[]{" <> ", " < ", " <= ", " > ", " >= "}) : ColumnType.pick(r, COMPARE);
                return Node.expr(ColumnType.BOOLEAN, "(", expr(f, ctx, d), op, all ? "ALL (" : "ANY (", q, "))");
            }
            default -> {
                Family f = comparable();
                return Node.expr(ColumnType.BOOLEAN, "(", expr(f, ctx, d), ColumnType.pick(r, COMPARE), expr(f, ctx, d), ")");
            }
        }
    }

    private Family comparable() {
        Family f = family();
        return f == Family.BOOL ? Family.NUMBER : f;
    }

    private Node boolLeaf(Ctx ctx) {
        switch (r.nextInt(9)) {
            case 0, 1, 2 -> {
                Family f = comparable();
                return Node.expr(ColumnType.BOOLEAN, "(", expr(f, ctx, 1), ColumnType.pick(r, COMPARE), expr(f, ctx, 1), ")");
            }
            case 3 -> {
                // not on a condition: H2 cannot parse EXISTS (...) IS NULL (DialectDifferences.NOT_GENERATED)
                return Node.expr(ColumnType.BOOLEAN, "(", expr(comparable(), ctx, 1), r.nextBoolean() ? " IS NULL)" : " IS NOT NULL)");
            }
            case 4 -> {
                return Node.expr(ColumnType.BOOLEAN, "(", expr(Family.TEXT, ctx, 1), r.nextInt(4) == 0 ? " NOT LIKE " : " LIKE ",
                        ColumnType.pick(r, LIKE), ")");
            }
            case 5 -> {
                // a DATE compared with a text literal converts the literal
                return Node.expr(ColumnType.BOOLEAN, "(", expr(Family.DATE, ctx, 1), ColumnType.pick(r, COMPARE),
                        "'2020-01-01')");
            }
            case 6, 7 -> {
                List<Col> bools = ctx.cols.stream().filter(c -> c.type == ColumnType.BOOLEAN).toList();
                if (!bools.isEmpty()) {
                    return column(bools.get(r.nextInt(bools.size())));
                }
                return boolLeaf(ctx);
            }
            default -> {
                int v = r.nextInt(3);
                return Node.expr(ColumnType.BOOLEAN, v == 0 ? "TRUE" : v == 1 ? "FALSE" : "CAST(NULL AS BOOLEAN)");
            }
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
