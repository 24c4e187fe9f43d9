package io.recall.engine.exec;

/** Which way an ordered index is read: in its entries' order, or from the last entry back to the first. */
public enum IndexWalk {
    FORWARD,
    BACKWARD
}
