package io.recall.parser.types;

/**
 * A value of an ARRAY column: its elements (nulls allowed) in the canonical classes of the element type, never
 * changed after construction. Equality is SQL's for arrays as PostgreSQL has it: same length and pairwise equal
 * elements, a NULL element equal to a NULL element; the hash agrees with it across numeric classes
 * ({@link HashKey}). Text form is PostgreSQL's: {@code {1,2,NULL}}, {@code {"a b",c}}.
 */
public final class ArrayValue {
    private final Object[] elements;
    private int hash;

    private ArrayValue(Object[] elements) {
        this.elements = elements;
    }

    /** An array of a copy of {@code elements}. */
    public static ArrayValue of(Object... elements) {
        return new ArrayValue(elements.clone());
    }

    /** An array that takes {@code elements} as they are: the caller hands them over and keeps no reference. */
    public static ArrayValue wrap(Object[] elements) {
        return new ArrayValue(elements);
    }

    public int size() {
        return elements.length;
    }

    /** The element at {@code index}, counting from 0. */
    public Object get(int index) {
        return elements[index];
    }

    /** A copy of the elements. */
    public Object[] toArray() {
        return elements.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof ArrayValue a) || a.elements.length != elements.length || a.hashCode() != hashCode()) {
            return false;
        }
        for (int i = 0; i < elements.length; i++) {
            Object x = elements[i];
            Object y = a.elements[i];
            if (x == null || y == null ? x != y : !Values.equal(x, y)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 1;
            for (Object e : elements) {
                Object k = HashKey.of(e);
                h = 31 * h + (k == null ? 0 : k.hashCode());
            }
            hash = h == 0 ? 1 : h;
        }
        return hash;
    }

    /**
     * PostgreSQL's order: element by element, a NULL element after every value, then the shorter array first.
     */
    public static int compare(ArrayValue a, ArrayValue b) {
        int n = Math.min(a.elements.length, b.elements.length);
        for (int i = 0; i < n; i++) {
            Object x = a.elements[i];
            Object y = b.elements[i];
            int c = x == null ? (y == null ? 0 : 1) : y == null ? -1 : Values.compare(x, y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.elements.length, b.elements.length);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(2 + 4 * elements.length).append('{');
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            Object e = elements[i];
            if (e == null) {
                s.append("NULL");
            } else {
                appendElement(s, Cast.toText(e));
            }
        }
        return s.append('}').toString();
    }

    private static void appendElement(StringBuilder s, String text) {
        boolean quote = text.isEmpty() || text.equalsIgnoreCase("NULL");
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '{' || c == '}' || c == '"' || c == '\\' || Character.isWhitespace(c);
        }
        if (!quote) {
            s.append(text);
            return;
        }
        s.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                s.append('\\');
            }
            s.append(c);
        }
        s.append('"');
    }

    /**
     * Reads PostgreSQL's text form of a one-dimensional array, {@code {1, 2, NULL, "a, b"}}, into its elements
     * as text (an unquoted NULL is SQL NULL); the caller casts them to the element type. 22P02 when malformed.
     */
    public static ArrayValue parse(String text) {
        String t = text.strip();
        if (t.length() < 2 || t.charAt(0) != '{' || t.charAt(t.length() - 1) != '}') {
            throw malformed(text, "an array literal is {element, ...}");
        }
        java.util.List<Object> out = new java.util.ArrayList<>();
        int i = 1;
        int end = t.length() - 1;
        if (t.substring(1, end).isBlank()) {
            return new ArrayValue(new Object[0]);
        }
        while (true) {
            while (i < end && Character.isWhitespace(t.charAt(i))) {
                i++;
            }
            StringBuilder e = new StringBuilder();
            boolean quoted = i < end && t.charAt(i) == '"';
            if (quoted) {
                i++;
                while (i < end && t.charAt(i) != '"') {
                    if (t.charAt(i) == '\\' && i + 1 < end) {
                        i++;
                    }
                    e.append(t.charAt(i++));
                }
                if (i >= end) {
                    throw malformed(text, "unterminated quoted element");
                }
                i++;
                while (i < end && Character.isWhitespace(t.charAt(i))) {
                    i++;
                }
            } else {
                while (i < end && t.charAt(i) != ',') {
                    char c = t.charAt(i);
                    if (c == '{' || c == '}' || c == '"') {
                        throw malformed(text, "nested arrays and stray quotes are not supported");
                    }
                    e.append(c);
                    i++;
                }
            }
            String v = quoted ? e.toString() : e.toString().strip();
            if (!quoted && v.isEmpty()) {
                throw malformed(text, "empty element");
            }
            out.add(!quoted && v.equalsIgnoreCase("NULL") ? null : v);
            if (i >= end) {
                break;
            }
            if (t.charAt(i) != ',') {
                throw malformed(text, "expected , after an element");
            }
            i++;
        }
        return new ArrayValue(out.toArray());
    }

    private static io.recall.parser.error.RecallException malformed(String text, String why) {
        String shown = text.length() <= 40 ? text : text.substring(0, 37) + "...";
        return new io.recall.parser.error.RecallException(io.recall.parser.error.ErrorCode.INVALID_TEXT_REPRESENTATION,
                "Malformed array literal: '" + shown + "' (" + why + ")");
    }
}
