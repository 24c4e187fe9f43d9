package io.recall.engine.storage;

/**
 * What a replicated store tells the engine about other nodes' work. Called on the store's own threads: an
 * implementation must return quickly and never wait for a row lock.
 */
public interface ReplicaEvents {
    /**
     * Another node's commit starts to be applied on this node, key by key and table by table; readers here must
     * not look until {@link #remoteCommitApplied()} (each start is followed by exactly one such call).
     */
    void remoteCommitStarts();

    /** The commit announced by {@link #remoteCommitStarts()} is wholly applied here (or was abandoned). */
    void remoteCommitApplied();

    /** Another node changed the stored catalog; the live catalog must be read again. */
    void catalogChanged();
}
