package io.recall.parser.sql;

import io.recall.parser.error.RecallException;
import io.recall.parser.expr.Parameter;
import net.sf.jsqlparser.expression.JdbcParameter;

import java.util.ArrayList;
import java.util.List;

/** Collects the {@code ?} placeholders of one statement, numbered in textual order. */
final class ParameterRegistry {
    private final List<Parameter> parameters = new ArrayList<>();

    Parameter get(JdbcParameter p) {
        if (p.isUseFixedIndex()) {
            throw RecallException.notSupported("Numbered parameters (?" + p.getIndex() + ")");
        }
        int index = p.getIndex() - 1;
        while (parameters.size() <= index) {
            parameters.add(new Parameter(parameters.size()));
        }
        return parameters.get(index);
    }

    List<Parameter> all() {
        return List.copyOf(parameters);
    }
}
