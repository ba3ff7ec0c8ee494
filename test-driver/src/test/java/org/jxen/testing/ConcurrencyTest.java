package org.jxen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void allDomainsReadsWhileDomainsComeAndGoLeaveTheGoneOnesOutAndNeverFail() throws InterruptedException {
        try (SimulatedXen xen = SimulatedXen.builder().cpus(8).domain("steady", 4, 2).build(); Hypervisor h = xen.connect()) {
            AtomicReference<Throwable> failed = new AtomicReference<>();
            AtomicInteger passes = new AtomicInteger();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        List<String> names = h.vcpuSnapshot(false).domains().stream().map(d -> d.domain().name()).toList();
                        if (!names.containsAll(List.of("Domain-0", "steady"))) {
                            throw new AssertionError("a domain that stayed is missing: " + names);
                        }
                        passes.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failed.set(t);
                }
            });
            for (int round = 0; round < ROUNDS * 10; round++) {
                xen.addDomain("churn-" + round, 4, 2);
                xen.destroyDomain("churn-" + round);
            }
            reader.interrupt();
            reader.join(TimeUnit.SECONDS.toMillis(20));
            assertEquals(null, failed.get(), () -> "after " + passes.get() + " passes: " + failed.get());
            assertTrue(passes.get() > 0, "the reader read");
            assertEquals(List.of("Domain-0", "steady"),
                    h.vcpuSnapshot(false).domains().stream().map(d -> d.domain().name()).toList());
        }
    }
}
