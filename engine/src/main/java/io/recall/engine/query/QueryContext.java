package io.recall.engine.query;

import io.recall.engine.exec.ExecutionControl;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.EvalContext;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What operators need while one statement runs: parameters and outer rows ({@link EvalContext}),
 * cancellation and timeout, the table stores, the rows of recursive CTE rounds, and state kept
 * for the whole execution (hash tables of join build sides that do not depend on outer rows).
 */
public final class QueryContext {
    private final EvalContext eval;
    private final ExecutionControl control;
    private final Function<TableDef, TableStore> stores;
    // both created on first use: most statements need neither
    private Map<Integer, List<Object[]>> workingTables;
    private IdentityHashMap<Object, Object> state;

    public QueryContext(EvalContext eval, ExecutionControl control, Function<TableDef, TableStore> stores) {
        this.eval = eval;
        this.control = control;
        this.stores = stores;
    }

    public EvalContext eval() {
        return eval;
    }

    public ExecutionControl control() {
        return control;
    }

    public TableStore store(TableDef table) {
        return stores.apply(table);
    }

    List<Object[]> workingTable(int id) {
        List<Object[]> rows = workingTables == null ? null : workingTables.get(id);
        return rows == null ? List.of() : rows;
    }

    void setWorkingTable(int id, List<Object[]> rows) {
        if (workingTables == null) {
            workingTables = new HashMap<>();
        }
        workingTables.put(id, rows);
    }

    Object state(Object owner) {
        return state == null ? null : state.get(owner);
    }

    void setState(Object owner, Object value) {
        if (state == null) {
            state = new IdentityHashMap<>();
        }
        state.put(owner, value);
    }
}
