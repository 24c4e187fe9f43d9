package io.recall.parser.expr;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import io.recall.parser.query.QueryRunner;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.time.ZoneId;

/**
 * What an expression may read besides the current row: the bound parameters and the statement's
 * start time (CURRENT_TIMESTAMP is the same for every row of one statement). One per execution.
 */
public final class EvalContext {
    private static final Object UNSET = new Object();

    private final Object[] parameters;
    private OffsetDateTime statementTime;
    private QueryRunner runner;
    // both created on first use: most executions have no subquery, and one runs per statement
    private ArrayList<Object[]> outerRows;
    private IdentityHashMap<Object, Object> statementCache;

    public EvalContext(int parameterCount) {
        this.parameters = new Object[parameterCount];
        java.util.Arrays.fill(parameters, UNSET);
    }

    public void setParameter(int index, Object value) {
        parameters[index] = value;
    }

    public void clearParameters() {
        java.util.Arrays.fill(parameters, UNSET);
    }

    public int parameterCount() {
        return parameters.length;
    }

    public boolean isSet(int index) {
        return parameters[index] != UNSET;
    }

    public Object parameter(int index) {
        Object v = parameters[index];
        if (v == UNSET) {
            throw new RecallException(ErrorCode.PARAMETER_NOT_SET, "Parameter " + (index + 1) + " is not set");
        }
        return v;
    }

    /** Marks the start of one execution: fixes the time CURRENT_TIMESTAMP returns for it. */
    public void startStatement() {
        statementTime = null;
        if (statementCache != null) {
            statementCache.clear();
        }
        if (outerRows != null) {
            outerRows.clear();
        }
    }

    /** Set by the engine before each execution: runs the relations of subqueries. */
    public void setRunner(QueryRunner runner) {
        this.runner = runner;
    }

    public QueryRunner runner() {
        return runner;
    }

    /** Makes {@code row} the row {@link OuterRef}s of depth 1 read while a subquery runs. */
    public void pushOuter(Object[] row) {
        if (outerRows == null) {
            outerRows = new ArrayList<>();
        }
        outerRows.add(row);
    }

    public void popOuter() {
        outerRows.remove(outerRows.size() - 1);
    }

    /** The row of the query {@code depth} levels out from the one running. */
    public Object[] outer(int depth) {
        return outerRows.get(outerRows.size() - depth);
    }

    /** A value computed once per execution (an uncorrelated subquery's result), or null. */
    public Object cached(Object owner) {
        return statementCache == null ? null : statementCache.get(owner);
    }

    public void cache(Object owner, Object value) {
        if (statementCache == null) {
            statementCache = new IdentityHashMap<>();
        }
        statementCache.put(owner, value);
    }

    public OffsetDateTime statementTime() {
        if (statementTime == null) {
            statementTime = OffsetDateTime.now(ZoneId.systemDefault());
        }
        return statementTime;
    }
}
