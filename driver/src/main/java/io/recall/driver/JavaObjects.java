package io.recall.driver;

import io.recall.parser.types.JavaObject;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classes a connection may store in and read from JAVA_OBJECT columns: those named by the {@code java_classes}
 * property, resolved through the thread's context class loader, then the driver's. A value is Java-serialized
 * when it is bound and deserialised only by {@link #decode}, through a stream that resolves nothing but the
 * listed classes (and their serializable superclasses), arrays of them, and a few JDK value classes their fields
 * commonly hold; any other class in the stream is refused before it is loaded, so a forged or foreign value can
 * never instantiate an arbitrary class. A value is also decoded once when it is written, so a listed object
 * holding an unlisted one (a HashMap, say) is refused at once rather than on every later read.
 */
final class JavaObjects {
    static final JavaObjects NONE = new JavaObjects(Map.of());
    /** SQLState of a value whose class is not allowed, on write and on read. */
    static final String NOT_ALLOWED = "22023";

    /** Value classes of the JDK that listed classes commonly hold; none of them runs code when read. */
    private static final Set<String> JDK_VALUES = Set.of("java.lang.String", "java.lang.Number", "java.lang.Enum",
            "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Character",
            "java.lang.Boolean", "java.lang.Float", "java.lang.Double", "java.math.BigDecimal",
            "java.math.BigInteger", "java.time.Ser", "java.util.UUID");
    private static final ObjectInputFilter LIMITS =
            ObjectInputFilter.Config.createFilter("maxdepth=100;maxrefs=1000000;maxarray=100000000");

    private final Map<String, Class<?>> listed;
    private final Map<String, Class<?>> resolvable;

    private JavaObjects(Map<String, Class<?>> listed) {
        this.listed = listed;
        Map<String, Class<?>> all = new HashMap<>(listed);
        for (Class<?> c : listed.values()) {
            for (Class<?> s = c.getSuperclass(); s != null && Serializable.class.isAssignableFrom(s);
                 s = s.getSuperclass()) {
                all.put(s.getName(), s);
            }
        }
        this.resolvable = Collections.unmodifiableMap(all);
    }

    /** The classes {@code names} name; 08001 for one that cannot be loaded or is not Serializable. */
    static JavaObjects resolve(List<String> names) throws SQLException {
        if (names.isEmpty()) {
            return NONE;
        }
        Map<String, Class<?>> classes = new HashMap<>();
        for (String name : names) {
            Class<?> c = load(name);
            if (!Serializable.class.isAssignableFrom(c)) {
                throw SqlExceptions.create("java_classes: " + name + " does not implement java.io.Serializable",
                        SqlExceptions.CONNECTION_FAILED);
            }
            classes.put(c.getName(), c);
        }
        return new JavaObjects(Map.copyOf(classes));
    }

    private static Class<?> load(String name) throws SQLException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            try {
                return Class.forName(name, false, context);
            } catch (ClassNotFoundException e) {
                // then the driver's own loader
            }
        }
        try {
            return Class.forName(name, false, JavaObjects.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw SqlExceptions.create("java_classes: class " + name + " not found", SqlExceptions.CONNECTION_FAILED);
        }
    }

    /** True when {@code x} is of a listed class (exactly: a subclass must be listed itself). */
    boolean listed(Object x) {
        return listed.get(x.getClass().getName()) == x.getClass();
    }

    /** The refusal of an object whose class is not listed. */
    SQLException encodeRefusal(Object x) {
        return notAllowed(x.getClass().getName(), "cannot be stored");
    }

    /** The bytes of a listed object; 22023 for another class or a listed one holding an unlisted one. */
    JavaObject encode(Object x) throws SQLException {
        if (!listed(x)) {
            throw notAllowed(x.getClass().getName(), "cannot be stored");
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(128);
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
            out.writeObject(x);
        } catch (NotSerializableException e) {
            throw notAllowed(e.getMessage(), "cannot be stored (it is not Serializable, inside a "
                    + x.getClass().getName() + ")");
        } catch (IOException e) {
            throw new SQLDataException("Cannot serialize a " + x.getClass().getName() + ": " + e.getMessage(),
                    NOT_ALLOWED, e);
        }
        JavaObject value = JavaObject.of(buffer.toByteArray());
        decode(value);
        return value;
    }

    /** The object the bytes hold, if every class in them is allowed; 22023 naming the first that is not. */
    Object decode(JavaObject value) throws SQLException {
        try (ObjectInputStream in = new AllowListStream(new ByteArrayInputStream(value.bytes()))) {
            in.setObjectInputFilter(LIMITS);
            Object o = in.readObject();
            if (in.read() != -1) {
                throw new SQLDataException("A JAVA_OBJECT value holds more than one object", NOT_ALLOWED);
            }
            return o;
        } catch (InvalidClassException e) {
            throw notAllowed(e.classname == null ? value.className() : e.classname, "cannot be read");
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new SQLDataException("Cannot read a JAVA_OBJECT value of class " + value.className() + ": " + e,
                    NOT_ALLOWED, e);
        }
    }

    private SQLException notAllowed(String className, String what) {
        return new SQLDataException("A JAVA_OBJECT of class " + className + " " + what + ": the class is not in"
                + " this connection's java_classes " + listed.keySet(), NOT_ALLOWED);
    }

    /** Resolves only allowed classes; everything else fails before any class is loaded. */
    private final class AllowListStream extends ObjectInputStream {
        AllowListStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            String name = desc.getName();
            Class<?> c = resolvable.get(name);
            if (c != null) {
                return c;
            }
            if (JDK_VALUES.contains(name) || isPrimitiveArray(name)) {
                return Class.forName(name, false, null);
            }
            if (name.startsWith("[L") && name.endsWith(";") && name.indexOf('[', 1) < 0) {
                String component = name.substring(2, name.length() - 1);
                Class<?> e = resolvable.get(component);
                if (e != null) {
                    return e.arrayType();
                }
                if (JDK_VALUES.contains(component)) {
                    return Class.forName(name, false, null);
                }
            }
            throw new InvalidClassException(name, "not allowed");
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws IOException {
            throw new InvalidClassException(interfaces.length == 0 ? "a proxy" : interfaces[0], "proxies are not allowed");
        }

        private static boolean isPrimitiveArray(String name) {
            return name.length() == 2 && name.charAt(0) == '[' && "ZBCSIJFD".indexOf(name.charAt(1)) >= 0;
        }
    }
}
