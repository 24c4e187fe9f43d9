package io.recall.parser.sql;

import io.recall.parser.expr.ExistsSubquery;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.ScalarSubquery;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.PlainSelect;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code UPDATE t SET ... FROM others WHERE cond} and {@code DELETE FROM t USING others WHERE
 * cond}, bound as the correlated subqueries they mean: a row of t is changed when
 * {@code EXISTS (SELECT 1 FROM others WHERE cond)}, and each SET value is read from the first
 * matching row (as PostgreSQL does when several match). The target row is then locked and the
 * condition checked again on its committed version, exactly as for a plain UPDATE.
 */
final class JoinedDml {
    private final SelectBinder queries;
    private final Scope target;
    private final FromItem from;
    private final List<Join> joins;
    private final Expression where;

    JoinedDml(SelectBinder queries, Scope target, FromItem from, List<Join> joins, Expression where) {
        this.queries = queries;
        this.target = target;
        this.from = from;
        this.joins = joins;
        this.where = where;
    }

    /** The WHERE of the target: some row of the other tables matches. */
    Expr matches() {
        return new ExistsSubquery(queries.query(select(new LongValue(1)), target).subquery(), false);
    }

    /** A SET value: computed over the first matching row of the other tables. */
    Expr value(Expression e) {
        SelectBinder.BoundQuery q = queries.query(select(e), target);
        return new ScalarSubquery(q.subquery(), q.columns()[0].type());
    }

    private PlainSelect select(Expression item) {
        PlainSelect ps = new PlainSelect();
        ps.addSelectItem(item);
        ps.setFromItem(from);
        ps.setJoins(joins == null ? null : new ArrayList<>(joins));
        ps.setWhere(where);
        ps.setLimit(new Limit().withRowCount(new LongValue(1)));
        return ps;
    }
}
