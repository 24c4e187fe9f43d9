package io.recall.engine.query;

/**
 * What a streamed query holds while it reads one batch, and only then: the session's transaction attached to
 * the reading thread and the shared side of the commit gate. Between batches it holds neither, so an open
 * cursor never holds up commits or DDL for longer than one batch takes.
 */
public interface ReadScope {
    /** Attaches what the read needs; on failure nothing stays attached. */
    void enter();

    void exit();

    /** What a failure during a batch means to the caller (e.g. a table dropped under the cursor). */
    default RuntimeException translate(RuntimeException failure) {
        return failure;
    }
}
