package io.recall.parser.sql;

import io.recall.parser.catalog.CatalogView;
import io.recall.parser.catalog.InformationSchema;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import net.sf.jsqlparser.schema.Table;

/** Resolves a (possibly schema-qualified) table name against the catalog and current schema. */
final class TableResolver {
    private final CatalogView catalog;
    private final String currentSchema;

    TableResolver(CatalogView catalog, String currentSchema) {
        this.catalog = catalog;
        this.currentSchema = currentSchema;
    }

    String schemaOf(Table t) {
        if (t.getDatabase() != null && t.getDatabase().getDatabaseName() != null) {
            throw RecallException.notSupported("Catalog-qualified names (" + t.getFullyQualifiedName() + ")");
        }
        return t.getSchemaName() == null ? currentSchema : Names.normalize(t.getSchemaName());
    }

    TableDef require(Table t) {
        String schema = schemaOf(t);
        String name = Names.normalize(t.getName());
        TableDef def = schema.equals(InformationSchema.SCHEMA) ? InformationSchema.table(name) : catalog.table(schema, name);
        if (def == null) {
            if (!catalog.schemaExists(schema) && !schema.equals(InformationSchema.SCHEMA)) {
                throw new RecallException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + schema + " not found");
            }
            throw new RecallException(ErrorCode.TABLE_NOT_FOUND, "Table " + schema + "." + name + " not found");
        }
        return def;
    }

    /** A table a statement writes: INFORMATION_SCHEMA is refused. */
    TableDef requireWritable(Table t) {
        TableDef def = require(t);
        if (InformationSchema.isSystem(def)) {
            throw new RecallException(ErrorCode.READ_ONLY_TRANSACTION, InformationSchema.SCHEMA + "." + def.name()
                    + " is read-only");
        }
        return def;
    }

    String currentSchema() {
        return currentSchema;
    }

    CatalogView catalog() {
        return catalog;
    }
}
