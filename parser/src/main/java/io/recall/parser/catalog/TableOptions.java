package io.recall.parser.catalog;

/**
 * A table's storage type and table type ({@code CREATE TABLE ... WITH (storage = '...', type = '...')}).
 * A null field is "the database's default" until the table is created, which resolves it; a table in
 * the catalog has both.
 */
public record TableOptions(StorageType storage, SetType setType) {
    /** Nothing said: both come from the database's defaults. */
    public static final TableOptions UNSPECIFIED = new TableOptions(null, null);
    /** What a table has when nothing else decides: {@code ram_copies}, {@code set}. */
    public static final TableOptions DEFAULT = new TableOptions(StorageType.RAM_COPIES, SetType.SET);

    /** These options with each unspecified field taken from {@code defaults}. */
    public TableOptions orElse(TableOptions defaults) {
        return new TableOptions(storage != null ? storage : defaults.storage(),
                setType != null ? setType : defaults.setType());
    }

    public boolean ordered() {
        return setType == SetType.ORDERED_SET;
    }

    /** {@code ram_copies, ordered_set}: the specified fields, as metadata shows them. */
    public String describe() {
        String s = storage == null ? "" : storage.sqlName();
        String t = setType == null ? "" : setType.sqlName();
        return s.isEmpty() || t.isEmpty() ? s + t : s + ", " + t;
    }
}
