package org.jxen.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline: what a slow guest does is asserted, never how long it took. */
final class Poll {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private Poll() {
    }

    static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("still not " + what + " after " + DEADLINE);
            }
            Thread.sleep(20);
        }
    }
}
