package io.recall.parser.types;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A value of a JAVA_OBJECT column: the Java serialization bytes of an application object, never the object. The
 * engine stores, copies and compares these bytes (equality is byte equality, as in H2; there is no order) and
 * never deserialises them: only the driver turns them back into an object, and only for classes the
 * application listed (see the driver's {@code java_classes}).
 */
public final class JavaObject {
    private final byte[] bytes;
    private int hash;

    private JavaObject(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A value of a copy of {@code bytes}. */
    public static JavaObject of(byte[] bytes) {
        return new JavaObject(bytes.clone());
    }

    /** A copy of the serialized bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /**
     * The name of the outermost class as the serialization stream names it (for messages; nothing is loaded),
     * or "?" when the bytes do not start like a serialized object.
     */
    public String className() {
        // magic AC ED, version 00 05, TC_OBJECT 73, TC_CLASSDESC 72, then the name as modified UTF-8 with a length
        if (bytes.length < 8 || (bytes[0] & 0xFF) != 0xAC || (bytes[1] & 0xFF) != 0xED || bytes[4] != 0x73
                || bytes[5] != 0x72) {
            return "?";
        }
        int n = (bytes[6] & 0xFF) << 8 | bytes[7] & 0xFF;
        return 8 + n <= bytes.length ? new String(bytes, 8, n, StandardCharsets.UTF_8) : "?";
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof JavaObject j && Arrays.equals(bytes, j.bytes);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(bytes);
            hash = h == 0 ? 1 : h;
        }
        return hash;
    }

    @Override
    public String toString() {
        return "JAVA_OBJECT " + className() + " (" + bytes.length + " bytes)";
    }
}
