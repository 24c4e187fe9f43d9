package io.recall.engine;

/**
 * Which generated values an INSERT should hand back (JDBC getGeneratedKeys): none, the identity
 * columns (else the primary key), or the columns named or numbered by the caller.
 */
public record KeyRequest(Kind kind, String[] names, int[] positions) {
    public enum Kind { NONE, AUTO, NAMES, POSITIONS }

    public static final KeyRequest NONE = new KeyRequest(Kind.NONE, null, null);
    public static final KeyRequest AUTO = new KeyRequest(Kind.AUTO, null, null);

    public static KeyRequest names(String[] names) {
        return new KeyRequest(Kind.NAMES, names.clone(), null);
    }

    /** 1-based column positions, as JDBC numbers them. */
    public static KeyRequest positions(int[] positions) {
        return new KeyRequest(Kind.POSITIONS, null, positions.clone());
    }
}
