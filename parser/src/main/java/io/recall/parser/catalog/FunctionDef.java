package io.recall.parser.catalog;

/**
 * A Java function registered with {@code CREATE FUNCTION name FOR 'com.acme.Filters.isVip'}: its SQL name
 * (normalised, one namespace for the database) and the public static method it calls, as class name and method
 * name. The method is looked up again whenever a statement calling it is bound, so a changed class path is seen.
 */
public record FunctionDef(String name, String className, String methodName) {
    /** {@code com.acme.Filters.isVip} as written in CREATE FUNCTION. */
    public String target() {
        return className + "." + methodName;
    }
}
