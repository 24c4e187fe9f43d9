package io.recall.harness.values;

import java.math.BigDecimal;

/** Application functions the Java-function tests register with CREATE FUNCTION ... FOR. */
public final class Filters {
    private Filters() {
    }

    public static boolean isVip(String name, BigDecimal spent) {
        return spent.compareTo(new BigDecimal("1000")) >= 0 || name != null && name.startsWith("VIP ");
    }

    public static int add(int a, int b) {
        return a + b;
    }

    public static String greet(String name) {
        return name == null ? "nobody" : "hello " + name;
    }

    public static long fail(String why) {
        throw new IllegalStateException(why);
    }

    public static Object nothing(Thread t) {
        return null;
    }
}
