package io.recall.engine;

import io.recall.engine.exec.DeleteExecutor;
import io.recall.engine.exec.InsertExecutor;
import io.recall.engine.exec.MergeExecutor;
import io.recall.engine.exec.UpdateExecutor;
import io.recall.engine.exec.LockingRead;
import io.recall.engine.query.QueryExecutor;
import io.recall.engine.query.Subqueries;
import io.recall.engine.query.TableSizes;
import io.recall.parser.catalog.CatalogView;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.plan.BoundStatement;
import io.recall.parser.plan.CompiledStatement;
import io.recall.parser.plan.DeletePlan;
import io.recall.parser.plan.ExplainPlan;
import io.recall.parser.plan.InsertPlan;
import io.recall.parser.plan.MergePlan;
import io.recall.parser.plan.OutputColumn;
import io.recall.parser.plan.Returning;
import io.recall.parser.plan.UpdatePlan;
import io.recall.parser.query.QueryPlan;
import io.recall.parser.types.ColumnType;

/**
 * A statement parsed, bound and planned once, with its parameter values. Executing it again
 * only binds parameters; if DDL changed the catalog (or the session changed schema) since it
 * was planned, it is planned again before it runs, keeping the parameter values.
 */
public final class PreparedCommand {
    private final String sql;
    private CompiledStatement compiled;
    private String schema;
    private EvalContext context;
    /** Set when a streamed result set evaluates with {@link #context}: the next change works on a copy. */
    private boolean contextHeld;
    private Object executor;
    /** For SELECT ... FOR UPDATE: how its rows are locked; null otherwise. */
    private LockingRead lockingRead;
    private Subqueries subqueries;
    private final CompiledStatements compiler;
    private final TableSizes.Source sizes;

    PreparedCommand(String sql, CatalogView catalog, String schema, CompiledStatements compiler,
                    TableSizes.Source sizes) {
        this.sql = sql;
        this.compiler = compiler;
        this.sizes = sizes;
        plan(catalog, schema);
        this.context = new EvalContext(compiled.parameterCount());
    }

    private void plan(CatalogView catalog, String currentSchema) {
        compiled = compiler.compile(sql, catalog, currentSchema);
        schema = currentSchema;
        buildExecutor();
    }

    private void buildExecutor() {
        subqueries = new Subqueries(new TableSizes(sizes));
        BoundStatement st = compiled.statement();
        lockingRead = null;
        if (st instanceof QueryPlan p) {
            executor = new QueryExecutor(p, subqueries);
            lockingRead = p.forUpdate() ? new LockingRead(p.locking()) : null;
        } else if (st instanceof ExplainPlan p) {
            executor = new QueryExecutor(p.query(), subqueries);
        } else if (st instanceof InsertPlan p) {
            executor = new InsertExecutor(p);
        } else if (st instanceof UpdatePlan p) {
            executor = new UpdateExecutor(p);
        } else if (st instanceof DeletePlan p) {
            executor = new DeleteExecutor(p);
        } else if (st instanceof MergePlan p) {
            executor = new MergeExecutor(p);
        } else {
            executor = null;
        }
    }

    /**
     * Plans again if the catalog or the current schema changed since the last planning; orders its
     * joins again if the tables they were ordered by changed size a lot.
     */
    void refresh(CatalogView catalog, String currentSchema) {
        if (compiled.catalogVersion() == catalog.version() && schema.equals(currentSchema)) {
            if (subqueries.sizesDrifted()) {
                buildExecutor();
            }
            return;
        }
        Object[] values = parameters();
        boolean[] set = new boolean[values.length];
        for (int i = 0; i < set.length; i++) {
            set[i] = context.isSet(i);
        }
        plan(catalog, currentSchema);
        if (compiled.parameterCount() != values.length) {
            throw new RecallException(ErrorCode.INVALID_STATE,
                    "The statement no longer has " + values.length + " parameters after a schema change: " + sql);
        }
        context = new EvalContext(values.length);
        contextHeld = false;
        for (int i = 0; i < values.length; i++) {
            if (set[i]) {
                context.setParameter(i, values[i]);
            }
        }
    }

    public String sql() {
        return sql;
    }

    public int parameterCount() {
        return compiled.parameterCount();
    }

    /** The type a parameter is inferred to have from where it stands (UNKNOWN if nothing tells). */
    public ColumnType parameterType(int index) {
        checkIndex(index);
        return compiled.parameters().get(index).type();
    }

    public void setParameter(int index, Object value) {
        checkIndex(index);
        ownContext().setParameter(index, value);
    }

    public void clearParameters() {
        ownContext().clearParameters();
    }

    /** Marks the context as read by an open streamed result set: parameters set later must not reach it. */
    void holdContext() {
        contextHeld = true;
    }

    /** Starts one execution on a context no open result set reads. */
    void startExecution() {
        ownContext().startStatement();
    }

    private EvalContext ownContext() {
        if (contextHeld) {
            EvalContext copy = new EvalContext(context.parameterCount());
            for (int i = 0; i < copy.parameterCount(); i++) {
                if (context.isSet(i)) {
                    copy.setParameter(i, context.parameter(i));
                }
            }
            context = copy;
            contextHeld = false;
        }
        return context;
    }

    /** A copy of the current parameter values (unset ones are null), e.g. to queue a batch. */
    public Object[] parameters() {
        Object[] values = new Object[context.parameterCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = context.isSet(i) ? context.parameter(i) : null;
        }
        return values;
    }

    public void setParameters(Object[] values) {
        if (values.length != context.parameterCount()) {
            throw new RecallException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "Expected " + context.parameterCount() + " parameters, got " + values.length);
        }
        EvalContext own = ownContext();
        for (int i = 0; i < values.length; i++) {
            own.setParameter(i, values[i]);
        }
    }

    public boolean isQuery() {
        return compiled.statement() instanceof QueryPlan || compiled.statement() instanceof ExplainPlan;
    }

    /** True for a query, and for INSERT, UPDATE or DELETE with RETURNING. */
    public boolean returnsRows() {
        return isQuery() || returning() != null;
    }

    /** The result columns of a query or of a RETURNING clause, empty for other statements. */
    public OutputColumn[] columns() {
        if (compiled.statement() instanceof ExplainPlan) {
            return ExplainPlan.COLUMNS.clone();
        }
        if (returning() != null) {
            return returning().columns().clone();
        }
        return compiled.statement() instanceof QueryPlan p ? p.columns().clone() : new OutputColumn[0];
    }

    private Returning returning() {
        BoundStatement st = compiled.statement();
        return st instanceof InsertPlan p ? p.returning() : st instanceof UpdatePlan p ? p.returning()
                : st instanceof DeletePlan p ? p.returning() : null;
    }

    /** The catalog version the statement was last planned at. */
    long catalogVersion() {
        return compiled.catalogVersion();
    }

    BoundStatement statement() {
        return compiled.statement();
    }

    EvalContext context() {
        return context;
    }

    LockingRead lockingRead() {
        return lockingRead;
    }

    Object executor() {
        return executor;
    }

    Subqueries subqueries() {
        return subqueries;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= compiled.parameterCount()) {
            throw new RecallException(ErrorCode.INVALID_PARAMETER_VALUE, "Parameter index " + (index + 1)
                    + " is out of range (the statement has " + compiled.parameterCount() + " parameters)");
        }
    }
}
