package io.recall.parser.sql;

import io.recall.parser.catalog.ColumnDef;
import io.recall.parser.catalog.Identity;
import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.TableOptions;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.Parameter;
import io.recall.parser.plan.BoundStatement;
import io.recall.parser.plan.CreateTablePlan;
import io.recall.parser.plan.CreateViewPlan;
import io.recall.parser.plan.DropTablePlan;
import io.recall.parser.plan.DropViewPlan;
import io.recall.parser.plan.SchemaPlan;
import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.drop.Drop;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Binds CREATE/DROP TABLE, CREATE/DROP VIEW and CREATE/DROP SCHEMA. PRIMARY KEY, UNIQUE (each backed by a
 * unique index), NOT NULL, DEFAULT, CHECK and FOREIGN KEY ({@link ConstraintBinder}) are supported; other
 * constraints are refused (never accepted and silently ignored). A table's storage and table type come from
 * {@code WITH (storage = '...', type = '...')} ({@link TableOptionsBinder}); what is not said is the
 * database's default, filled in when the table is created.
 */
final class DdlBinder {
    private static final Set<String> SPEC_KEYWORDS = Set.of("NOT", "NULL", "PRIMARY", "KEY", "DEFAULT", "UNIQUE",
            "CHECK", "REFERENCES", "CONSTRAINT", "AUTO_INCREMENT", "AUTOINCREMENT", "IDENTITY", "COLLATE", "COMMENT",
            "ON", "GENERATED");

    private final TableResolver tables;

    DdlBinder(TableResolver tables) {
        this.tables = tables;
    }

    CreateTablePlan createTable(CreateTable ct) {
        if (ct.getSelect() != null || ct.getLikeTable() != null) {
            throw RecallException.notSupported("CREATE TABLE ... AS / LIKE");
        }
        if (ct.getCreateOptionsStrings() != null && !ct.getCreateOptionsStrings().isEmpty()) {
            throw RecallException.notSupported("CREATE " + String.join(" ", ct.getCreateOptionsStrings()) + " TABLE");
        }
        TableOptions options = TableOptionsBinder.ofCreateTable(ct.getTableOptionsStrings());
        String schema = tables.schemaOf(ct.getTable());
        String name = Names.normalize(ct.getTable().getName());
        if (ct.getColumnDefinitions() == null || ct.getColumnDefinitions().isEmpty()) {
            throw new RecallException(ErrorCode.INVALID_DEFINITION, "Table " + name + " needs at least one column");
        }
        List<ColumnDef> columns = new ArrayList<>();
        Set<String> primaryKey = new LinkedHashSet<>();
        List<UniqueSpec> uniques = new ArrayList<>();
        ConstraintBinder constraints = new ConstraintBinder(tables);
        for (ColumnDefinition cd : ct.getColumnDefinitions()) {
            String columnName = Names.normalize(cd.getColumnName());
            for (ColumnDef existing : columns) {
                if (existing.name().equals(columnName)) {
                    throw new RecallException(ErrorCode.DUPLICATE_COLUMN,
                            "Column " + columnName + " is defined twice in table " + name);
                }
            }
            columns.add(column(columnName, cd, primaryKey, uniques, constraints));
        }
        if (ct.getIndexes() != null) {
            for (Index index : ct.getIndexes()) {
                if (constraints.tableConstraint(index)) {
                    continue;
                }
                String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
                if (type.equals("UNIQUE") || type.equals("UNIQUE KEY")) {
                    List<String> names = new ArrayList<>();
                    for (String c : index.getColumnsNames()) {
                        names.add(Names.normalize(c));
                    }
                    uniques.add(new UniqueSpec(index.getName() == null ? null : Names.normalize(index.getName()), names));
                    continue;
                }
                if (!type.equals("PRIMARY KEY")) {
                    throw RecallException.notSupported("The table constraint " + index);
                }
                if (!primaryKey.isEmpty()) {
                    throw new RecallException(ErrorCode.INVALID_DEFINITION, "Table " + name + " has two primary keys");
                }
                for (String c : index.getColumnsNames()) {
                    primaryKey.add(Names.normalize(c));
                }
            }
        }
        int[] pk = new int[primaryKey.size()];
        int k = 0;
        for (String c : primaryKey) {
            int index = indexOf(columns, c);
            if (index < 0) {
                throw new RecallException(ErrorCode.COLUMN_NOT_FOUND, "Primary key column " + c + " not found in " + name);
            }
            ColumnDef old = columns.get(index);
            columns.set(index, new ColumnDef(old.name(), old.type(), true, old.defaultSql(), old.defaultValue(),
                    old.identity()));
            pk[k++] = index;
        }
        if (options.ordered() && pk.length == 0) {
            throw new RecallException(ErrorCode.INVALID_DEFINITION, "Table " + name + " has no primary key: an"
                    + " ordered_set table keeps its rows in primary-key order (declare a PRIMARY KEY, or use type = 'set')");
        }
        TableDef table = new TableDef(schema, name, List.copyOf(columns), pk, null).withOptions(options);
        if (!constraints.isEmpty()) {
            Set<String> taken = new java.util.HashSet<>();
            for (UniqueSpec u : uniques) {
                if (u.name() != null) {
                    taken.add(u.name());
                }
            }
            table = new TableDef(schema, name, table.columns(), pk, null, constraints.checks(table, taken),
                    constraints.foreignKeys(table, taken), options);
        }
        return new CreateTablePlan(table, ct.isIfNotExists(), uniqueIndexes(table, uniques));
    }

    /** A UNIQUE constraint as written: its name (null: generated) and columns. */
    private record UniqueSpec(String name, List<String> columns) {
    }

    /** The unique indexes behind the UNIQUE constraints; an unnamed one is named TABLE_COLS_KEY, as in PostgreSQL. */
    private List<IndexDef> uniqueIndexes(TableDef table, List<UniqueSpec> specs) {
        List<IndexDef> out = new ArrayList<>();
        Set<String> taken = new java.util.HashSet<>();
        for (UniqueSpec spec : specs) {
            List<String> cols = new ArrayList<>();
            for (String c : spec.columns()) {
                cols.add(IndexBinder.column(table, c, cols));
            }
            String name = spec.name();
            if (name == null) {
                name = ConstraintNames.free(ConstraintNames.unique(table.name(), cols),
                        n -> taken.contains(n) || tables.catalog().indexExists(table.schema(), n));
            } else if (taken.contains(name)) {
                throw new RecallException(ErrorCode.INDEX_EXISTS, "Constraint " + name + " is defined twice");
            }
            taken.add(name);
            out.add(new IndexDef(table.schema(), name, table.name(), cols,
                    java.util.Collections.nCopies(cols.size(), false), true, null));
        }
        return out;
    }

    private static int indexOf(List<ColumnDef> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private ColumnDef column(String name, ColumnDefinition cd, Set<String> primaryKey, List<UniqueSpec> uniques,
                             ConstraintBinder constraints) {
        TypeNames.Declared declared = TypeNames.parse(cd.getColDataType().toString());
        ColumnType type = declared.type();
        Identity identity = declared.identity();
        boolean notNull = identity != Identity.NONE;
        String defaultSql = null;
        List<String> specs = cd.getColumnSpecs() == null ? List.of() : cd.getColumnSpecs();
        for (int i = 0; i < specs.size(); i++) {
            String spec = specs.get(i).toUpperCase(Locale.ROOT);
            if (spec.equals("NOT") && i + 1 < specs.size() && specs.get(i + 1).equalsIgnoreCase("NULL")) {
                notNull = true;
                i++;
            } else if (spec.equals("NULL")) {
                notNull = notNull && identity != Identity.NONE;
            } else if (spec.equals("PRIMARY") && i + 1 < specs.size() && specs.get(i + 1).equalsIgnoreCase("KEY")) {
                primaryKey.add(name);
                notNull = true;
                i++;
            } else if (spec.equals("UNIQUE")) {
                uniques.add(new UniqueSpec(null, List.of(name)));
            } else if (spec.equals("CONSTRAINT") && i + 2 < specs.size() && specs.get(i + 2).equalsIgnoreCase("UNIQUE")) {
                uniques.add(new UniqueSpec(Names.normalize(specs.get(i + 1)), List.of(name)));
                i += 2;
            } else if (spec.equals("CHECK") && i + 1 < specs.size()) {
                constraints.columnCheck(name, null, specs.get(++i));
            } else if (spec.equals("CONSTRAINT") && i + 3 < specs.size() && specs.get(i + 2).equalsIgnoreCase("CHECK")) {
                constraints.columnCheck(name, Names.normalize(specs.get(i + 1)), specs.get(i + 3));
                i += 3;
            } else if (isReferences(spec)) {
                constraints.columnReference(name, null, specs.get(i));
            } else if (spec.equals("CONSTRAINT") && i + 2 < specs.size()
                    && isReferences(specs.get(i + 2).toUpperCase(Locale.ROOT))) {
                constraints.columnReference(name, Names.normalize(specs.get(i + 1)), specs.get(i + 2));
                i += 2;
            } else if (spec.equals("DEFAULT")) {
                StringBuilder sb = new StringBuilder();
                while (i + 1 < specs.size() && (sb.length() == 0
                        || !SPEC_KEYWORDS.contains(specs.get(i + 1).toUpperCase(Locale.ROOT))
                        && !isReferences(specs.get(i + 1).toUpperCase(Locale.ROOT)))) {
                    sb.append(sb.length() == 0 ? "" : " ").append(specs.get(++i));
                }
                if (sb.length() == 0) {
                    throw new RecallException(ErrorCode.SYNTAX_ERROR, "DEFAULT without a value for column " + name);
                }
                defaultSql = sb.toString();
            } else if (spec.startsWith("GENERATED BY DEFAULT AS IDENTITY") || spec.equals("AUTO_INCREMENT")
                    || spec.equals("AUTOINCREMENT") || spec.equals("IDENTITY")) {
                identity = Identity.BY_DEFAULT;
                notNull = true;
                rejectIdentityOptions(spec, name);
            } else if (spec.startsWith("GENERATED ALWAYS AS IDENTITY")) {
                identity = Identity.ALWAYS;
                notNull = true;
                rejectIdentityOptions(spec, name);
            } else {
                throw RecallException.notSupported("The column option " + String.join(" ", specs.subList(i, specs.size()))
                        + " (column " + name + ")");
            }
        }
        if (identity != Identity.NONE && !type.type().isExactInteger()) {
            throw new RecallException(ErrorCode.INVALID_DEFINITION, "Identity column " + name + " must be an integer type");
        }
        if (identity != Identity.NONE && defaultSql != null) {
            throw new RecallException(ErrorCode.INVALID_DEFINITION, "Identity column " + name + " cannot have a DEFAULT");
        }
        Expr defaultValue = defaultSql == null ? null : bindDefault(defaultSql, type, name);
        return new ColumnDef(name, type, notNull, defaultSql, defaultValue, identity);
    }

    /**
     * The column of ALTER TABLE ... ADD COLUMN: a type, DEFAULT and NULL / NOT NULL. Constraints on it
     * (PRIMARY KEY, UNIQUE, CHECK, REFERENCES) and identity are refused: add them with ADD CONSTRAINT.
     */
    ColumnDef addedColumn(TableDef table, ColumnDefinition cd) {
        String name = Names.normalize(cd.getColumnName());
        if (table.columnIndex(name) >= 0) {
            throw new RecallException(ErrorCode.DUPLICATE_COLUMN, "Column " + name + " of table "
                    + table.qualifiedName() + " already exists");
        }
        Set<String> primaryKey = new java.util.HashSet<>();
        List<UniqueSpec> uniques = new ArrayList<>();
        ConstraintBinder constraints = new ConstraintBinder(tables);
        ColumnDef column = column(name, cd, primaryKey, uniques, constraints);
        if (!primaryKey.isEmpty() || !uniques.isEmpty() || constraints.hasAny() || column.isIdentity()) {
            throw RecallException.notSupported("A constraint or identity in ADD COLUMN (column " + name
                    + "); add the column, then the constraint with ALTER TABLE ... ADD CONSTRAINT");
        }
        return column;
    }

    private static boolean isReferences(String upperSpec) {
        return upperSpec.equals("REFERENCES") || upperSpec.startsWith("REFERENCES ");
    }

    private static void rejectIdentityOptions(String spec, String column) {
        if (spec.contains("(")) {
            throw RecallException.notSupported("Identity options (START WITH, INCREMENT BY) on column " + column);
        }
    }

    /** Binds a DEFAULT clause: constants and time functions only; checks that a constant fits the column. */
    static Expr bindDefault(String sql, ColumnType type, String column) {
        net.sf.jsqlparser.expression.Expression parsed;
        try {
            parsed = CCJSqlParserUtil.parseExpression(sql);
        } catch (JSQLParserException e) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "Invalid DEFAULT for column " + column + ": " + sql);
        }
        ParameterRegistry none = new ParameterRegistry();
        Expr e = new ExpressionBinder(new Scope(null), none, null).bind(parsed);
        if (!none.all().isEmpty() || e instanceof Parameter) {
            throw new RecallException(ErrorCode.INVALID_DEFINITION, "DEFAULT of column " + column + " cannot use parameters");
        }
        if (e.isConstant()) {
            Cast.assign(e.eval(null, null), type);
        }
        return e;
    }

    BoundStatement drop(Drop drop) {
        String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
        List<String> params = drop.getParameters() == null ? List.of() : drop.getParameters();
        boolean cascade = params.stream().anyMatch(p -> p.equalsIgnoreCase("CASCADE"));
        if (drop.isMaterialized() || drop.isUsingTemporary()) {
            throw RecallException.notSupported("DROP " + (drop.isMaterialized() ? "MATERIALIZED " : "TEMPORARY ") + type);
        }
        switch (type) {
            case "TABLE" -> {
                if (drop.getNames() != null && drop.getNames().size() > 1) {
                    throw RecallException.notSupported("DROP TABLE of several tables in one statement");
                }
                if (!params.stream().allMatch(p -> p.equalsIgnoreCase("CASCADE") || p.equalsIgnoreCase("RESTRICT"))) {
                    throw RecallException.notSupported("DROP TABLE " + String.join(" ", params));
                }
                return new DropTablePlan(tables.schemaOf(drop.getName()), Names.normalize(drop.getName().getName()),
                        drop.isIfExists(), cascade);
            }
            case "VIEW" -> {
                if (drop.getNames() != null && drop.getNames().size() > 1) {
                    throw RecallException.notSupported("DROP VIEW of several views in one statement");
                }
                if (!params.stream().allMatch(p -> p.equalsIgnoreCase("CASCADE") || p.equalsIgnoreCase("RESTRICT"))) {
                    throw RecallException.notSupported("DROP VIEW " + String.join(" ", params));
                }
                return new DropViewPlan(tables.schemaOf(drop.getName()), Names.normalize(drop.getName().getName()),
                        drop.isIfExists());
            }
            case "FUNCTION", "ALIAS" -> {
                return FunctionBinder.drop(drop);
            }
            case "INDEX" -> {
                return new IndexBinder(tables).drop(drop);
            }
            case "SCHEMA" -> {
                return new SchemaPlan(SchemaPlan.Action.DROP, Names.normalize(drop.getName().getName()),
                        drop.isIfExists(), cascade);
            }
            default -> throw RecallException.notSupported("DROP " + type);
        }
    }

    /** {@code statementText} is the SQL as written: the view keeps its query's own text. */
    CreateViewPlan createView(CreateView cv, String statementText) {
        return new ViewBinder(tables).bind(cv, statementText);
    }

    SchemaPlan createSchema(CreateSchema cs) {
        if (cs.getStatements() != null && !cs.getStatements().isEmpty() || cs.getAuthorization() != null
                && cs.getSchemaName() == null) {
            throw RecallException.notSupported("CREATE SCHEMA with AUTHORIZATION or contained statements");
        }
        return new SchemaPlan(SchemaPlan.Action.CREATE, Names.normalize(cs.getSchemaName()), cs.hasIfNotExists(), false);
    }
}
