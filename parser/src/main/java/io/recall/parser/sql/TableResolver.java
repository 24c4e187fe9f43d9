package io.recall.parser.sql;

import io.recall.parser.catalog.CatalogView;
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
        TableDef def = catalog.table(schema, name);
        if (def == null) {
            if (!catalog.schemaExists(schema)) {
                throw new RecallException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + schema + " not found");
            }
            throw new RecallException(ErrorCode.TABLE_NOT_FOUND, "Table " + schema + "." + name + " not found");
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
