package io.recall.parser.expr;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.JsonValue;

/**
 * PostgreSQL's {@code json -> key} (a JSON value) and {@code json ->> key} (text): a text key selects an
 * object member, an integer an array element counted from 0 (negative from the end). Nothing to select gives
 * NULL; {@code ->>} of a JSON null is NULL too.
 */
public record JsonAccess(Expr document, Expr key, boolean asText) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        Object d = document.eval(row, ctx);
        Object k = key.eval(row, ctx);
        if (d == null || k == null) {
            return null;
        }
        JsonValue json = Cast.toJson(d);
        JsonValue v;
        if (k instanceof String name) {
            v = json.field(name);
        } else if (k instanceof Integer || k instanceof Long) {
            v = json.element(((Number) k).longValue());
        } else {
            throw new RecallException(ErrorCode.TYPE_MISMATCH,
                    "A JSON key must be text or an integer, not " + io.recall.parser.types.Values.typeName(k));
        }
        if (v == null) {
            return null;
        }
        return asText ? v.asText() : v;
    }

    @Override
    public ColumnType type() {
        return asText ? ColumnType.VARCHAR : ColumnType.JSON;
    }

    @Override
    public Expr[] children() {
        return new Expr[]{document, key};
    }
}
