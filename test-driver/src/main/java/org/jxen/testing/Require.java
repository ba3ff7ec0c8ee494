package org.jxen.testing;

/** The kit's argument checks: every bad value is an IllegalArgumentException naming it and what is allowed. */
final class Require {

    private Require() {
    }

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        return value;
    }

    static int between(int value, String name, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be " + min + "-" + max);
        }
        return value;
    }
}
