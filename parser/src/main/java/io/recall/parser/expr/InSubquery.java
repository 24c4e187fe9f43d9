package io.recall.parser.expr;

import io.recall.parser.types.ColumnType;
import io.recall.parser.types.HashKey;
import io.recall.parser.types.Values;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code x [NOT] IN (SELECT y ...)} with SQL's NULL rules: TRUE on a match; otherwise NULL when x
 * is NULL or the subquery returned a NULL; otherwise FALSE. An uncorrelated subquery's values are
 * read once into a hash set when their type family matches x's, else compared one by one.
 */
public record InSubquery(Expr operand, Subquery query, boolean hashable, boolean negated) implements SubqueryExpr {
    /** The subquery's values: a hash set or a list, and whether any was NULL. */
    private record Found(Set<Object> hashed, List<Object> listed, boolean sawNull) {
        boolean isEmpty() {
            return !sawNull && (hashed != null ? hashed.isEmpty() : listed.isEmpty());
        }
    }

    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        Found values = query.correlated() ? null : (Found) ctx.cached(this);
        if (values == null) {
            values = read(row, ctx);
            if (!query.correlated()) {
                ctx.cache(this, values);
            }
        }
        if (values.isEmpty()) {
            return negated;
        }
        Object v = operand.eval(row, ctx);
        if (v == null) {
            return null;
        }
        boolean found;
        if (values.hashed() != null) {
            found = values.hashed().contains(HashKey.of(v));
        } else {
            found = false;
            for (Object item : values.listed()) {
                if (Values.equal(v, item)) {
                    found = true;
                    break;
                }
            }
        }
        if (found) {
            return !negated;
        }
        return values.sawNull() ? null : negated;
    }

    private Found read(Object[] row, EvalContext ctx) {
        Set<Object> hashed = hashable ? new HashSet<>() : null;
        List<Object> listed = hashable ? null : new ArrayList<>();
        boolean[] sawNull = new boolean[1];
        query.run(row, ctx, r -> {
            Object item = r[0];
            if (item == null) {
                sawNull[0] = true;
            } else if (hashed != null) {
                hashed.add(HashKey.of(item));
            } else {
                listed.add(item);
            }
            return true;
        });
        return new Found(hashed, listed, sawNull[0]);
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }

    @Override
    public Expr[] children() {
        return new Expr[]{operand};
    }
}
