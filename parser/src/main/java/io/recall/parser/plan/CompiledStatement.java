package io.recall.parser.plan;

import io.recall.parser.expr.Parameter;

import java.util.List;

/**
 * The output of the compiler for one SQL string: the bound statement, its {@code ?} parameters
 * in order, and the catalog version it was bound against (a plan from an older version is
 * compiled again before it runs, so it never reads columns at stale positions).
 */
public record CompiledStatement(String sql, BoundStatement statement, List<Parameter> parameters,
                                long catalogVersion) {
    public int parameterCount() {
        return parameters.size();
    }
}
