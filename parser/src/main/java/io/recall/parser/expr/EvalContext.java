package io.recall.parser.expr;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * What an expression may read besides the current row: the bound parameters and the statement's
 * start time (CURRENT_TIMESTAMP is the same for every row of one statement). One per execution.
 */
public final class EvalContext {
    private static final Object UNSET = new Object();

    private final Object[] parameters;
    private OffsetDateTime statementTime;

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
    }

    public OffsetDateTime statementTime() {
        if (statementTime == null) {
            statementTime = OffsetDateTime.now(ZoneId.systemDefault());
        }
        return statementTime;
    }
}
