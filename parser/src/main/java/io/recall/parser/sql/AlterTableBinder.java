package io.recall.parser.sql;

import io.recall.parser.catalog.CheckDef;
import io.recall.parser.catalog.ColumnDef;
import io.recall.parser.catalog.ForeignKeyDef;
import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.TableOptions;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.AddColumnPlan;
import io.recall.parser.plan.AddConstraintPlan;
import io.recall.parser.plan.AlterColumnPlan;
import io.recall.parser.plan.BoundStatement;
import io.recall.parser.plan.ColumnTypePlan;
import io.recall.parser.plan.DropColumnPlan;
import io.recall.parser.plan.PrimaryKeyPlan;
import io.recall.parser.plan.TableOptionsPlan;
import io.recall.parser.plan.DropConstraintPlan;
import io.recall.parser.plan.RenamePlan;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.alter.ConstraintState;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds ALTER TABLE with one action: ADD [CONSTRAINT name] UNIQUE / CHECK / FOREIGN KEY (bound as in
 * CREATE TABLE, named as PostgreSQL names them when no name is written), DROP CONSTRAINT, ADD/DROP
 * PRIMARY KEY, ADD/DROP COLUMN, RENAME, and ALTER COLUMN TYPE, SET/DROP DEFAULT and SET/DROP NOT NULL.
 * Every other action is refused with 0A000 naming it. A constraint name is unique among the table's constraints
 * (42710); a UNIQUE constraint is an index, so its name is also unique among the schema's indexes (42P07).
 */
final class AlterTableBinder {
    /** The standard {@code ALTER COLUMN c SET DATA TYPE t}, which JSqlParser 5.4 cannot parse. */
    private static final Pattern SET_DATA_TYPE = Pattern.compile(
            "(\\bALTER\\s+(?:COLUMN\\s+)?(?:\"(?:[^\"]|\"\")*\"|[\\w$]+)\\s+)SET\\s+DATA\\s+(TYPE\\b)",
            Pattern.CASE_INSENSITIVE);

    private final TableResolver tables;

    /** ALTER TABLE text with {@code SET DATA TYPE} written as PostgreSQL's {@code TYPE}; other text unchanged. */
    static String withoutSetData(String text) {
        if (!text.regionMatches(true, 0, "ALTER", 0, 5)) {
            return text;
        }
        return SET_DATA_TYPE.matcher(text).replaceFirst("$1$2");
    }

    AlterTableBinder(TableResolver tables) {
        this.tables = tables;
    }

    BoundStatement bind(Alter alter) {
        List<AlterExpression> actions = alter.getAlterExpressions() == null ? List.of() : alter.getAlterExpressions();
        if (actions.isEmpty()) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "ALTER TABLE needs an action");
        }
        if (actions.size() > 1) {
            throw RecallException.notSupported("ALTER TABLE with several actions (write one ALTER TABLE per action)");
        }
        if (alter.isUseOnly()) {
            throw RecallException.notSupported("ALTER TABLE ONLY");
        }
        AlterExpression action = actions.get(0);
        Index index = action.getIndex();
        if (action.getOperation() == AlterOperation.ADD && action.getColDataTypeList() == null && isConstraint(index)) {
            return add(alter, action, index);
        }
        if (action.getOperation() == AlterOperation.ADD && index != null && index.getKind() == Index.Kind.PRIMARY_KEY
                && action.getColDataTypeList() == null) {
            return addPrimaryKey(alter, action, index);
        }
        if (action.getOperation() == AlterOperation.DROP && action.getConstraintName() != null && index == null
                && action.getColumnName() == null) {
            return drop(alter, action);
        }
        if (action.getOperation() == AlterOperation.DROP_PRIMARY_KEY) {
            return dropPrimaryKey(alter, cascade(action, "DROP PRIMARY KEY"));
        }
        if (action.getOperation() == AlterOperation.DROP && action.getColumnName() != null && index == null) {
            return dropColumn(alter, action);
        }
        if (action.getOperation() == AlterOperation.RENAME_TABLE && action.getNewTableName() != null
                || action.getOperation() == AlterOperation.RENAME && action.getColOldName() != null) {
            return rename(alter, action);
        }
        if (action.getOperation() == AlterOperation.ADD && action.getColDataTypeList() != null
                && action.getColDataTypeList().size() == 1 && index == null) {
            return addColumn(alter, action.getColDataTypeList().get(0));
        }
        if (action.getOperation() == AlterOperation.ALTER && action.getColDataTypeList() != null
                && action.getColDataTypeList().size() == 1) {
            return columnType(alter, action.getColDataTypeList().get(0));
        }
        if (action.getOperation() == AlterOperation.ALTER && action.getColDataTypeList() == null) {
            AlterColumnPlan column = alterColumn(alter, action);
            if (column != null) {
                return column;
            }
        }
        if (action.getOperation() == AlterOperation.UNSPECIFIC && action.toString().trim().startsWith("SET (")) {
            return setOptions(alter, action.toString().trim().substring("SET".length()));
        }
        throw new RecallException(ErrorCode.NOT_SUPPORTED, "ALTER TABLE ... " + describe(action)
                + " is not supported (ALTER TABLE supports ADD/DROP COLUMN, ADD/DROP CONSTRAINT, ADD/DROP PRIMARY KEY,"
                + " RENAME, and ALTER COLUMN TYPE, SET/DROP DEFAULT and SET/DROP NOT NULL)");
    }

    /**
     * {@code ALTER TABLE t SET (storage = '...', type = '...')}: the options are read as in CREATE TABLE (unknown
     * ones fail the same way); the engine moves the table (a row rewrite into a store of the new type).
     */
    private TableOptionsPlan setOptions(Alter alter, String list) {
        TableOptions options = TableOptionsBinder.parse(list);
        String schema = tables.schemaOf(alter.getTable());
        TableDef table = table(schema, Names.normalize(alter.getTable().getName()), alter.isUseTableIfExists());
        return new TableOptionsPlan(schema, table == null ? null : table.name(), options);
    }

    private static boolean isConstraint(Index index) {
        return index instanceof CheckConstraint || index instanceof ForeignKeyIndex
                || index != null && index.getKind() == Index.Kind.UNIQUE;
    }

    private AddConstraintPlan add(Alter alter, AlterExpression action, Index index) {
        refuseOptions(action, index);
        String schema = tables.schemaOf(alter.getTable());
        String tableName = Names.normalize(alter.getTable().getName());
        TableDef table = table(schema, tableName, alter.isUseTableIfExists());
        if (table == null) {
            return AddConstraintPlan.nothing(schema, tableName);
        }
        String name = index.getName() == null ? null : Names.normalize(index.getName());
        Set<String> taken = constraintNames(table);
        if (name != null && taken.contains(name)) {
            throw new RecallException(ErrorCode.DUPLICATE_OBJECT, "Constraint " + name + " of table "
                    + table.qualifiedName() + " already exists");
        }
        if (index instanceof CheckConstraint || index instanceof ForeignKeyIndex) {
            ConstraintBinder constraints = new ConstraintBinder(tables);
            constraints.tableConstraint(index);
            if (index instanceof CheckConstraint) {
                CheckDef check = constraints.checks(table, taken).get(0);
                return new AddConstraintPlan(schema, tableName, null, check, null);
            }
            ForeignKeyDef foreignKey = constraints.foreignKeys(table, taken).get(0);
            return new AddConstraintPlan(schema, tableName, null, null, foreignKey);
        }
        return new AddConstraintPlan(schema, tableName, unique(table, name, index, taken), null, null);
    }

    /** The unique index behind a UNIQUE constraint. */
    private IndexDef unique(TableDef table, String name, Index index, Set<String> taken) {
        List<String> columns = new ArrayList<>();
        for (Index.ColumnParams p : index.getColumns()) {
            // JSqlParser leaves "a DESC" as the column name of a named constraint, as parameters of an unnamed one
            boolean options = p.getParams() != null && !p.getParams().isEmpty()
                    || !Names.isQuoted(p.getColumnName()) && p.getColumnName().strip().contains(" ");
            if (p.isExpression() || options) {
                throw RecallException.notSupported("An expression or column option in a UNIQUE constraint (" + p + ")");
            }
            columns.add(IndexBinder.column(table, p.getColumnName(), columns));
        }
        String schema = table.schema();
        if (name == null) {
            name = ConstraintNames.free(ConstraintNames.unique(table.name(), columns),
                    n -> taken.contains(n) || tables.catalog().indexExists(schema, n));
        } else if (tables.catalog().indexExists(schema, name)) {
            throw new RecallException(ErrorCode.INDEX_EXISTS, "Index " + schema + "." + name + " already exists");
        }
        return new IndexDef(schema, name, table.name(), columns, Collections.nCopies(columns.size(), false), true, null);
    }

    private RenamePlan rename(Alter alter, AlterExpression action) {
        String schema = tables.schemaOf(alter.getTable());
        String tableName = Names.normalize(alter.getTable().getName());
        TableDef table = table(schema, tableName, alter.isUseTableIfExists());
        if (table == null) {
            return RenamePlan.nothing(schema, tableName);
        }
        if (action.getOperation() == AlterOperation.RENAME_TABLE) {
            String newName = Names.normalize(action.getNewTableName());
            if (tables.catalog().table(schema, newName) != null || tables.catalog().view(schema, newName) != null) {
                throw new RecallException(ErrorCode.TABLE_EXISTS, "Table or view " + schema + "." + newName
                        + " already exists");
            }
            return new RenamePlan(schema, tableName, null, newName);
        }
        String column = column(table, action.getColOldName()).name();
        String newName = Names.normalize(action.getColumnName());
        if (table.columnIndex(newName) >= 0) {
            throw new RecallException(ErrorCode.DUPLICATE_COLUMN, "Column " + newName + " of table "
                    + table.qualifiedName() + " already exists");
        }
        return new RenamePlan(schema, tableName, column, newName);
    }

    private AddColumnPlan addColumn(Alter alter, AlterExpression.ColumnDataType column) {
        String schema = tables.schemaOf(alter.getTable());
        String tableName = Names.normalize(alter.getTable().getName());
        TableDef table = table(schema, tableName, alter.isUseTableIfExists());
        if (table == null) {
            return AddColumnPlan.nothing(schema, tableName);
        }
        return new AddColumnPlan(schema, tableName, new DdlBinder(tables).addedColumn(table, column));
    }

    /**
     * ALTER COLUMN c SET DEFAULT / DROP DEFAULT / SET NOT NULL / DROP NOT NULL, bound against the table;
     * null for any other ALTER COLUMN form.
     */
    private AlterColumnPlan alterColumn(Alter alter, AlterExpression action) {
        List<AlterExpression.ColumnSetDefault> setDefault = orEmpty(action.getColumnSetDefaultList());
        List<AlterExpression.ColumnDropDefault> dropDefault = orEmpty(action.getColumnDropDefaultList());
        List<AlterExpression.ColumnSetNotNull> setNotNull = orEmpty(action.getColumnSetNotNullList());
        List<AlterExpression.ColumnDropNotNull> dropNotNull = orEmpty(action.getColumnDropNotNullList());
        if (setDefault.size() + dropDefault.size() + setNotNull.size() + dropNotNull.size() != 1) {
            return null;
        }
        String schema = tables.schemaOf(alter.getTable());
        String tableName = Names.normalize(alter.getTable().getName());
        TableDef table = table(schema, tableName, alter.isUseTableIfExists());
        if (table == null) {
            return AlterColumnPlan.nothing(schema, tableName);
        }
        if (!setDefault.isEmpty()) {
            ColumnDef column = column(table, setDefault.get(0).getColumnName());
            String sql = setDefault.get(0).getDefaultValue();
            return new AlterColumnPlan(schema, tableName, column.name(), AlterColumnPlan.Change.SET_DEFAULT, sql,
                    DdlBinder.bindDefault(sql, column.type(), column.name()));
        }
        if (!dropDefault.isEmpty()) {
            return change(table, dropDefault.get(0).getColumnName(), AlterColumnPlan.Change.DROP_DEFAULT);
        }
        if (!setNotNull.isEmpty()) {
            return change(table, setNotNull.get(0).getColumnName(), AlterColumnPlan.Change.SET_NOT_NULL);
        }
        if (!dropNotNull.get(0).isWithNot()) {
            return null;
        }
        return change(table, dropNotNull.get(0).getColumnName(), AlterColumnPlan.Change.DROP_NOT_NULL);
    }

    private AlterColumnPlan change(TableDef table, String columnName, AlterColumnPlan.Change change) {
        return new AlterColumnPlan(table.schema(), table.name(), column(table, columnName).name(), change, null, null);
    }

    private static ColumnDef column(TableDef table, String name) {
        int i = table.columnIndexIgnoreCase(Names.normalize(name));
        if (i < 0) {
            throw new RecallException(ErrorCode.COLUMN_NOT_FOUND, "Column " + Names.normalize(name) + " not found in table "
                    + table.qualifiedName());
        }
        return table.column(i);
    }

    private DropColumnPlan dropColumn(Alter alter, AlterExpression action) {
        boolean cascade = cascade(action, "DROP COLUMN");
        String schema = tables.schemaOf(alter.getTable());
        String tableName = Names.normalize(alter.getTable().getName());
        TableDef table = table(schema, tableName, alter.isUseTableIfExists());
        if (table == null) {
            return DropColumnPlan.nothing(schema, tableName);
        }
        String name = Names.normalize(action.getColumnName());
        if (action.isUsingIfExists() && table.columnIndexIgnoreCase(name) < 0) {
            return DropColumnPlan.nothing(schema, tableName);
        }
        return new DropColumnPlan(schema, tableName, column(table, action.getColumnName()).name(), cascade);
    }

    /** ALTER COLUMN c TYPE t [USING e], and H2's ALTER COLUMN c t; other column options are refused. */
    private ColumnTypePlan columnType(Alter alter, AlterExpression.ColumnDataType change) {
        if (change.getColumnSpecs() != null && !change.getColumnSpecs().isEmpty()
                || change.getIdentityAlterations() != null && !change.getIdentityAlterations().isEmpty()) {
            throw RecallException.notSupported("ALTER COLUMN " + change.getColumnName() + " with options beside its new"
                    + " type (" + ExpressionBinder.abbreviate(change.toString()) + "); change one thing per ALTER TABLE");
        }
        String schema = tables.schemaOf(alter.getTable());
        String tableName = Names.normalize(alter.getTable().getName());
        TableDef table = table(schema, tableName, alter.isUseTableIfExists());
        if (table == null) {
            return ColumnTypePlan.nothing(schema, tableName);
        }
        ColumnDef column = column(table, change.getColumnName());
        TypeNames.Declared declared = TypeNames.parse(change.getColDataType().toString());
        if (declared.identity() != io.recall.parser.catalog.Identity.NONE) {
            throw RecallException.notSupported("Making column " + column.name() + " an identity column by ALTER COLUMN");
        }
        if (column.isIdentity() && !declared.type().type().isExactInteger()) {
            throw new RecallException(ErrorCode.INVALID_DEFINITION, "Identity column " + column.name() + " of table "
                    + table.qualifiedName() + " must keep an integer type");
        }
        if (change.getUsingExpression() == null) {
            return new ColumnTypePlan(schema, tableName, column.name(), declared.type(), null, null);
        }
        String what = "USING expression of ALTER COLUMN " + column.name();
        return new ColumnTypePlan(schema, tableName, column.name(), declared.type(),
                ConstraintBinder.bindOverRow(table, what, change.getUsingExpression(), false),
                change.getUsingExpression().toString());
    }

    private PrimaryKeyPlan addPrimaryKey(Alter alter, AlterExpression action, Index index) {
        refuseOptions(action, index);
        String schema = tables.schemaOf(alter.getTable());
        String tableName = Names.normalize(alter.getTable().getName());
        TableDef table = table(schema, tableName, alter.isUseTableIfExists());
        if (table == null) {
            return PrimaryKeyPlan.nothing(schema);
        }
        if (table.hasPrimaryKey()) {
            throw new RecallException(ErrorCode.INVALID_DEFINITION, "Table " + table.qualifiedName()
                    + " already has a primary key (drop it first)");
        }
        List<String> columns = new ArrayList<>();
        for (Index.ColumnParams p : index.getColumns()) {
            if (p.isExpression() || p.getParams() != null && !p.getParams().isEmpty()) {
                throw RecallException.notSupported("An expression or column option in a PRIMARY KEY (" + p + ")");
            }
            columns.add(IndexBinder.column(table, p.getColumnName(), columns));
        }
        return new PrimaryKeyPlan(schema, tableName, columns, false);
    }

    private PrimaryKeyPlan dropPrimaryKey(Alter alter, boolean cascade) {
        String schema = tables.schemaOf(alter.getTable());
        String tableName = Names.normalize(alter.getTable().getName());
        TableDef table = table(schema, tableName, alter.isUseTableIfExists());
        if (table == null) {
            return PrimaryKeyPlan.nothing(schema);
        }
        return new PrimaryKeyPlan(schema, tableName, null, cascade);
    }

    /** CASCADE or RESTRICT after a DROP action; anything else is refused. */
    private static boolean cascade(AlterExpression action, String what) {
        List<String> params = action.getParameters() == null ? List.of() : action.getParameters();
        if (!params.stream().allMatch(p -> p.equalsIgnoreCase("CASCADE") || p.equalsIgnoreCase("RESTRICT"))) {
            throw RecallException.notSupported(what + " ... " + String.join(" ", params));
        }
        return params.stream().anyMatch(p -> p.equalsIgnoreCase("CASCADE"));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The names of the table's constraints: CHECKs, foreign keys and UNIQUE constraints. */
    private Set<String> constraintNames(TableDef table) {
        Set<String> names = new HashSet<>();
        table.checks().forEach(c -> names.add(c.name()));
        table.foreignKeys().forEach(fk -> names.add(fk.name()));
        for (IndexDef ix : tables.catalog().indexes(table)) {
            if (ix.unique()) {
                names.add(ix.name());
            }
        }
        return names;
    }

    /** DEFERRABLE, NOT VALID, USING ..., COMMENT and the like are refused, never ignored. */
    private static void refuseOptions(AlterExpression action, Index index) {
        List<String> options = new ArrayList<>();
        if (action.getConstraints() != null) {
            for (ConstraintState state : action.getConstraints()) {
                options.add(state.toString().trim());
            }
        }
        if (action.getParameters() != null) {
            options.addAll(action.getParameters());
        }
        if (!options.isEmpty()) {
            throw RecallException.notSupported("The constraint option " + String.join(" ", options));
        }
        if (index.getUsing() != null || index.getCommentText() != null || index.getConstraintAttributes() != null
                || index.getNullsDistinct() != null || index.getTableSpace() != null || index.getClustering() != null
                || isSet(index.getIncludeColumns()) || isSet(index.getStorageParameters()) || isSet(index.getIndexSpec())) {
            throw RecallException.notSupported("Options in the constraint "
                    + ExpressionBinder.abbreviate(index.toString()));
        }
        if (index instanceof CheckConstraint check && Boolean.FALSE.equals(check.getEnforced())) {
            throw RecallException.notSupported("A NOT ENFORCED CHECK constraint");
        }
    }

    private static boolean isSet(List<?> list) {
        return list != null && !list.isEmpty();
    }

    private DropConstraintPlan drop(Alter alter, AlterExpression action) {
        boolean cascade = cascade(action, "DROP CONSTRAINT");
        String schema = tables.schemaOf(alter.getTable());
        String tableName = Names.normalize(alter.getTable().getName());
        table(schema, tableName, alter.isUseTableIfExists());
        return new DropConstraintPlan(schema, tableName, alter.isUseTableIfExists(),
                Names.normalize(action.getConstraintName()), action.isUsingIfExists(), cascade);
    }

    /** The table; null when it does not exist and IF EXISTS was given. */
    private TableDef table(String schema, String name, boolean ifExists) {
        TableDef table = tables.catalog().table(schema, name);
        if (table != null) {
            return table;
        }
        if (tables.catalog().view(schema, name) != null) {
            throw new RecallException(ErrorCode.WRONG_OBJECT_TYPE, schema + "." + name + " is a view, not a table");
        }
        if (ifExists) {
            return null;
        }
        if (!tables.catalog().schemaExists(schema)) {
            throw new RecallException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + schema + " not found");
        }
        throw new RecallException(ErrorCode.TABLE_NOT_FOUND, "Table " + schema + "." + name + " not found");
    }

    /** What an unsupported action is, in words a user recognises. */
    private static String describe(AlterExpression action) {
        Index index = action.getIndex();
        String kind = index == null || index.getKind() == null ? "INDEX" : index.getKind().name().replace('_', ' ');
        return switch (action.getOperation()) {
            case ADD -> action.getColDataTypeList() != null ? "ADD COLUMN" : index != null ? "ADD " + kind : "ADD";
            case DROP -> action.getColumnName() != null ? "DROP COLUMN" : index != null ? "DROP " + kind : "DROP";
            case ALTER -> "ALTER COLUMN";
            case MODIFY, CHANGE -> action.getOperation() + " COLUMN";
            case RENAME -> "RENAME COLUMN";
            case RENAME_TABLE -> "RENAME TO";
            case UNSPECIFIC -> ExpressionBinder.abbreviate(action.toString().trim());
            default -> action.getOperation().name().replace('_', ' ');
        };
    }
}
