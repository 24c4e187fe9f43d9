package io.recall.parser.sql;

import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.CreateIndexPlan;
import io.recall.parser.plan.DropIndexPlan;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.drop.Drop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binds CREATE [UNIQUE] INDEX and DROP INDEX (H2/PostgreSQL style: an index lives in its table's
 * schema and its name is unique there). Index options (USING, WHERE, INCLUDE, expressions) are refused.
 */
final class IndexBinder {
    private final TableResolver tables;

    IndexBinder(TableResolver tables) {
        this.tables = tables;
    }

    CreateIndexPlan create(CreateIndex ci) {
        Index index = ci.getIndex();
        String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
        if (!type.isEmpty() && !type.equals("UNIQUE")) {
            throw RecallException.notSupported("CREATE " + type + " INDEX");
        }
        if (ci.getWhere() != null || ci.isConcurrently() || index.getUsing() != null
                || ci.getIncludeColumns() != null && !ci.getIncludeColumns().isEmpty()
                || ci.getTailParameters() != null && !ci.getTailParameters().isEmpty()) {
            throw RecallException.notSupported("Index options in " + ExpressionBinder.abbreviate(ci.toString()));
        }
        String schema = tables.schemaOf(ci.getTable());
        TableDef table = tables.catalog().table(schema, Names.normalize(ci.getTable().getName()));
        if (table == null) {
            throw new RecallException(ErrorCode.TABLE_NOT_FOUND, "Table " + schema + "."
                    + Names.normalize(ci.getTable().getName()) + " not found");
        }
        List<String> parts = index.getNameParts();
        if (parts != null && parts.size() > 1 && !Names.normalize(parts.get(0)).equals(schema)) {
            throw new RecallException(ErrorCode.INVALID_DEFINITION, "Index " + index.getName()
                    + " must be in the schema of its table (" + schema + ")");
        }
        String name = Names.normalize(parts != null && !parts.isEmpty() ? parts.get(parts.size() - 1) : index.getName());
        List<String> columns = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        for (Index.ColumnParams p : index.getColumns()) {
            if (p.isExpression()) {
                throw RecallException.notSupported("An index on an expression (" + p + ")");
            }
            List<String> params = p.getParams() == null ? List.of() : p.getParams();
            boolean desc = false;
            for (String param : params) {
                String u = param.toUpperCase(Locale.ROOT);
                if (u.equals("DESC")) {
                    desc = true;
                } else if (!u.equals("ASC")) {
                    throw RecallException.notSupported("Index column option " + param);
                }
            }
            columns.add(column(table, p.getColumnName(), columns));
            descending.add(desc);
        }
        return new CreateIndexPlan(new IndexDef(schema, name, table.name(), columns, descending,
                type.equals("UNIQUE"), null), ci.isUsingIfNotExists());
    }

    /** Resolves an indexed column of {@code table}; a column may appear only once. */
    static String column(TableDef table, String written, List<String> sofar) {
        String c = Names.normalize(written);
        if (table.columnIndex(c) < 0) {
            throw new RecallException(ErrorCode.COLUMN_NOT_FOUND, "Column " + c + " not found in table " + table.name());
        }
        io.recall.parser.types.ColumnType type = table.columns().get(table.columnIndex(c)).type();
        if (!type.type().isIndexable()) {
            throw RecallException.notSupported("An index or UNIQUE constraint on column " + c + " of type "
                    + type.sqlName() + " (in table " + table.name() + ")");
        }
        if (sofar.contains(c)) {
            throw new RecallException(ErrorCode.DUPLICATE_COLUMN, "Column " + c + " appears twice in an index");
        }
        return c;
    }

    DropIndexPlan drop(Drop drop) {
        if (drop.getNames() != null && drop.getNames().size() > 1) {
            throw RecallException.notSupported("DROP INDEX of several indexes in one statement");
        }
        List<String> params = drop.getParameters() == null ? List.of() : drop.getParameters();
        if (!params.stream().allMatch(p -> p.equalsIgnoreCase("RESTRICT"))) {
            throw RecallException.notSupported("DROP INDEX " + String.join(" ", params));
        }
        return new DropIndexPlan(tables.schemaOf(drop.getName()), Names.normalize(drop.getName().getName()),
                drop.isIfExists());
    }
}
