package io.recall.parser.catalog;

/** How a column gets generated values: not at all, unless given, or always. */
public enum Identity {
    NONE, BY_DEFAULT, ALWAYS
}
