package org.jxen.soak;

/**
 * The sizes of the soak tests: {@code -Djxen.soak.NAME=N} sets one. {@code -Djxen.soak.divisor=10}
 * (scripts/soak --quick) divides the default lengths (calls, rounds, cycles) for a smoke run of the
 * same code; thread counts stay, since the races are what a smoke run must still have.
 */
final class Sizes {

    private Sizes() {
    }

    /** A length: the default divided by jxen.soak.divisor. */
    static int length(String name, int fullSize) {
        return property(name, Math.max(1, fullSize / positive("divisor", Integer.getInteger("jxen.soak.divisor", 1))));
    }

    /** A thread count: never divided. */
    static int threads(String name, int count) {
        return property(name, count);
    }

    private static int property(String name, int byDefault) {
        return positive(name, Integer.getInteger("jxen.soak." + name, byDefault));
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("jxen.soak." + name + " is " + value + "; it must be 1 or more");
        }
        return value;
    }
}
