package io.recall.engine.storage;

/**
 * The store's own byte form of rows and keys (the one its disc and replicated caches use), for files the engine
 * writes itself, such as backups.
 */
public interface StoredForm {
    byte[] encodeRow(Object[] row);

    Object[] decodeRow(byte[] bytes);

    byte[] encodeKey(Object key);

    Object decodeKey(byte[] bytes);
}
