package org.jxen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jxen.Domain;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.JxenException;
import org.junit.jupiter.api.Test;

/** The test thread acting on the host while code under test calls jxen from another. */
class ConcurrencyTest {

    private static final int ROUNDS = 20;

    @Test
    void destroyingADomainUnderALoopingReaderEndsItWithNoDomainAndNothingElse() throws InterruptedException {
        try (SimulatedXen xen = SimulatedXen.builder().cpus(8).build(); Hypervisor h = xen.connect()) {
            for (int round = 0; round < ROUNDS; round++) {
                String name = "victim-" + round;
                xen.addDomain(name, 8, 4);
                Domain victim = h.domain(name);
                CountDownLatch reading = new CountDownLatch(1);
                AtomicReference<Throwable> ended = new AtomicReference<>();
                Thread reader = Thread.ofPlatform().daemon().start(() -> {
                    try {
                        while (true) {
                            victim.vcpus();
                            reading.countDown();
                        }
                    } catch (Throwable t) {
                        ended.set(t);
                    }
                });
                assertTrue(reading.await(20, TimeUnit.SECONDS), "the reader reads");
                xen.destroyDomain(name);
                reader.join(TimeUnit.SECONDS.toMillis(20));
                Throwable t = ended.get();
                assertTrue(t instanceof JxenException, "round " + round + " ended with " + t);
                assertEquals(ErrorCode.NO_DOMAIN, ((JxenException) t).code(), t::toString);
            }
        }
    }
}
