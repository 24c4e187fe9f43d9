package io.recall.engine;

import io.recall.engine.catalog.Catalog;
import io.recall.engine.exec.RowWriter;
import io.recall.engine.exec.UniqueValues;
import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.Sequences;
import io.recall.engine.storage.StoreTransaction;
import io.recall.engine.storage.StoredForm;
import io.recall.engine.storage.TableStore;
import io.recall.engine.storage.UniqueKeys;
import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.StorageType;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.TableOptions;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.sql.IndexDefText;
import io.recall.parser.sql.TableDefText;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@code BACKUP TO 'file'} and {@code RESTORE FROM 'file'}: the database's catalog entries, its counters and every
 * table's rows (in the store's own byte form), gzip-compressed (whose checksum catches a damaged file). A backup
 * is consistent: it is read under the shared side of the commit gate, so no commit lands while it runs (commits
 * wait; reads go on), and it is written to a temporary file moved into place at the end, so a failed backup never
 * leaves a partial file under the name. A restore needs an empty database: it sets the counters past their values,
 * writes each table's rows with their unique claims in transactions of {@value #BATCH} rows, then the catalog
 * entries as they were, and publishes the catalog; indexes are built from the rows as tables are first used. The
 * catalog goes last, so a restore that fails leaves a database that is still empty and can be restored again.
 * Tables keep their storage and table types; restored into an in-memory database, disc types become
 * {@code ram_copies}.
 */
final class Backup {
    private static final String MAGIC = "RECALL-BACKUP";
    private static final int VERSION = 1;
    private static final int BATCH = 1000;

    private final Database database;

    Backup(Database database) {
        this.database = database;
    }

    void write(Path file) {
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        StoredForm form = database.store().storedForm();
        database.gate().enterRead();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16)))) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            Map<String, String> entries = database.store().catalog().entries();
            out.writeInt(entries.size());
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.writeUTF(e.getKey());
                writeText(out, e.getValue());
            }
            List<TableDef> tables = database.catalog().tables();
            Map<String, Long> counters = counters(tables);
            out.writeInt(counters.size());
            for (Map.Entry<String, Long> c : counters.entrySet()) {
                out.writeUTF(c.getKey());
                out.writeLong(c.getValue());
            }
            out.writeInt(tables.size());
            for (TableDef table : tables) {
                out.writeUTF(table.storageName());
                IOException[] failed = new IOException[1];
                database.tableStore(table).scan(null, (key, row) -> {
                    try {
                        out.writeBoolean(true);
                        writeBytes(out, form.encodeKey(key));
                        writeBytes(out, form.encodeRow(row));
                        return true;
                    } catch (IOException e) {
                        failed[0] = e;
                        return false;
                    }
                });
                if (failed[0] != null) {
                    throw failed[0];
                }
                out.writeBoolean(false);
            }
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new RecallException(ErrorCode.IO_ERROR, "Cannot write the backup " + target + ": " + e, e);
        } finally {
            database.gate().exitRead();
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new RecallException(ErrorCode.IO_ERROR, "Cannot move the backup into place at " + target + ": " + e, e);
        }
    }

    /** The counters a restore must continue: storage names, and each table's row ids and identity columns. */
    private Map<String, Long> counters(List<TableDef> tables) {
        Sequences sequences = database.store().sequences();
        Map<String, Long> out = new LinkedHashMap<>();
        for (String name : List.of("catalog#tables", "catalog#indexes")) {
            out.put(name, sequences.current(name));
        }
        for (TableDef t : tables) {
            out.put(RowWriter.rowIdSequence(t), sequences.current(RowWriter.rowIdSequence(t)));
            for (int i = 0; i < t.columnCount(); i++) {
                if (t.column(i).isIdentity()) {
                    out.put(RowWriter.identitySequence(t, i), sequences.current(RowWriter.identitySequence(t, i)));
                }
            }
        }
        return out;
    }

    /** Reads the backup into this database, which must be empty; called under the catalog lock. */
    void restore(Path file) {
        Catalog catalog = database.catalog();
        if (!catalog.isEmpty()) {
            throw new RecallException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "RESTORE needs an empty database;"
                    + " database " + database.name() + " has tables, views or schemas");
        }
        Path source = file.toAbsolutePath();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(source), 1 << 16)))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw badFormat(source, "not a Recall backup");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw badFormat(source, "backup format " + version + ", this Recall reads " + VERSION);
            }
            Map<String, String> entries = new HashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                entries.put(in.readUTF(), readText(in));
            }
            Map<String, TableDef> tables = new HashMap<>();
            Map<String, List<IndexLayout>> uniques = new HashMap<>();
            definitions(entries, tables, uniques, database.settings().discTypesAllowed());
            Sequences sequences = database.store().sequences();
            for (int n = in.readInt(); n > 0; n--) {
                sequences.advancePast(in.readUTF(), in.readLong());
            }
            for (int n = in.readInt(); n > 0; n--) {
                String storage = in.readUTF();
                TableDef table = tables.get(storage);
                if (table == null) {
                    throw badFormat(source, "rows of a table the catalog does not have (" + storage + ")");
                }
                readRows(in, table, uniques.getOrDefault(storage, List.of()));
            }
            // the catalog last: a restore that fails before leaves the database empty, and it can be run again
            database.store().catalog().write(List.of(), entries);
        } catch (EOFException e) {
            throw badFormat(source, "the file ends too soon");
        } catch (java.util.zip.ZipException e) {
            throw badFormat(source, "not a Recall backup, or damaged (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new RecallException(ErrorCode.IO_ERROR, "Cannot read the backup " + source + ": " + e, e);
        } finally {
            catalog.reload();
        }
    }

    /**
     * The tables by storage name, and the unique indexes of each, from the catalog entries. Tables keep their storage
     * type, except that a database in memory cannot hold disc types: those become {@code ram_copies} (their entries
     * are rewritten).
     */
    private static void definitions(Map<String, String> entries, Map<String, TableDef> tables,
                                    Map<String, List<IndexLayout>> uniques, boolean discTypesAllowed) {
        Map<String, TableDef> byName = new HashMap<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (e.getKey().startsWith(Catalog.TABLE_PREFIX)) {
                TableDef t = TableDefText.decode(e.getValue());
                if (!discTypesAllowed && t.options().storage().onDisc()) {
                    t = t.withOptions(new TableOptions(StorageType.RAM_COPIES, t.options().setType()));
                    e.setValue(TableDefText.encode(t));
                }
                tables.put(t.storageName(), t);
                byName.put(t.qualifiedName(), t);
            }
        }
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (e.getKey().startsWith(Catalog.INDEX_PREFIX)) {
                IndexDef ix = IndexDefText.decode(e.getValue());
                TableDef t = byName.get(ix.schema() + "." + ix.table());
                if (ix.unique() && t != null) {
                    uniques.computeIfAbsent(t.storageName(), k -> new ArrayList<>()).add(IndexBuilder.layout(t, ix));
                }
            }
        }
    }

    private void readRows(DataInputStream in, TableDef table, List<IndexLayout> uniques) throws IOException {
        StoredForm form = database.store().storedForm();
        UniqueKeys uniqueKeys = database.store().uniqueKeys();
        // written through a store of its own: the table is opened (shape, indexes, key order) on first use
        TableStore store = database.store().createTable(table.storageName(), table.options());
        boolean more = in.readBoolean();
        while (more) {
            StoreTransaction tx = database.store().begin();
            try {
                for (int i = 0; i < BATCH && more; i++) {
                    Object key = form.decodeKey(readBytes(in));
                    Object[] row = form.decodeRow(readBytes(in));
                    store.put(key, row);
                    for (IndexLayout layout : uniques) {
                        Object value = UniqueValues.of(layout, row);
                        if (value != null) {
                            uniqueKeys.put(layout.name(), value, key);
                        }
                    }
                    more = in.readBoolean();
                }
            } catch (IOException | RuntimeException e) {
                tx.rollback();
                throw e;
            }
            tx.commit();
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        writeBytes(out, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (1 << 30)) {
            throw new IOException("corrupt length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private static RecallException badFormat(Path file, String why) {
        return new RecallException(ErrorCode.BAD_FILE_FORMAT, "Cannot restore from " + file + ": " + why);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the backup already failed; the caller reports that failure
        }
    }
}
