package org.jxen.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.Hypervisor;
import org.jxen.VcpuState;
import org.jxen.testing.Guest;
import org.jxen.testing.SimulatedXen;

/**
 * Eight threads changing the vCPU count of one domain and pinning its vCPUs, on one connection:
 * no call fails and no successful change is lost. The guest obeys its hotplug nodes at once, so
 * the kit's online count is the last committed count.
 */
class OneDomainSoakTest {

    private static final int THREADS = Sizes.threads("oneDomainThreads", 8);
    private static final int CALLS = Sizes.length("oneDomainCalls", 2_000);
    /** One vCPU per thread: each thread's last count, t + 1, says which thread committed last. */
    private static final int VCPUS = THREADS;
    private static final int CPUS = 16;

    /**
     * setVcpus calls race each other and the pins. Which commit is last is unknown, but it is some
     * thread's last call, so the final count must be one of the threads' last counts (all distinct),
     * with exactly vCPUs 0 to count - 1 online; each vCPU's pin must be one thread's last, whole.
     */
    @Test
    void racingChangesEndInOneThreadsLastChange() throws Exception {
        try (SimulatedXen xen = host(); Hypervisor hypervisor = xen.connect()) {
            Domain solo = hypervisor.domain("solo");
            AtomicLong calls = new AtomicLong();
            long start = System.nanoTime();
            List<Throwable> failures = Workers.run(THREADS, t -> {
                SplittableRandom random = new SplittableRandom(t);
                for (int i = 0; i < CALLS; i++) {
                    if (i % 2 == 0) {
                        solo.setVcpus(1 + random.nextInt(VCPUS));
                    } else {
                        solo.pinVcpu(random.nextInt(VCPUS), CpuMap.ofCpus(random.nextInt(CPUS)));
                    }
                    calls.incrementAndGet();
                }
                for (int v = 0; v < VCPUS; v++) {
                    solo.pinVcpu(v, lastPin(t));
                }
                solo.setVcpus(t + 1);
                calls.addAndGet(VCPUS + 1);
            });
            long nanos = System.nanoTime() - start;
            Guest guest = xen.guest("solo");
            new Figures("one-domain-racing").put("threads", THREADS).put("calls", calls.get())
                    .put("failed", failures.size()).put("final_count", guest.onlineVcpus())
                    .rate("calls_per_s", calls.get(), nanos).print();

            assertEquals(List.of(), failures);
            int count = guest.onlineVcpus();
            assertTrue(count >= 1 && count <= THREADS, "the final count " + count + " is no thread's last");
            for (int v = 0; v < VCPUS; v++) {
                assertEquals(v < count, guest.vcpuState(v) != VcpuState.OFFLINE, "vCPU " + v + " of " + count);
                CpuMap held = guest.hardAffinity(v);
                assertTrue(IntStream.range(0, THREADS).anyMatch(t -> lastPin(t).equals(held)),
                        "vCPU " + v + " is pinned to " + held + ", no thread's last pin");
            }
        }
    }

    /**
     * The order known outside jxen: each setVcpus and the marker of the last count happen under the
     * test's own lock, while the other threads keep pinning. Under that lock the kit must show the
     * count at once after every successful call (each one committed), and the last marker at the end.
     * setVcpus calls do not race each other here; the racing test above covers that.
     */
    @Test
    void everySetVcpusCommitsAndTheLastHolds() throws Exception {
        try (SimulatedXen xen = host(); Hypervisor hypervisor = xen.connect()) {
            Domain solo = hypervisor.domain("solo");
            Guest guest = xen.guest("solo");
            ReentrantLock order = new ReentrantLock();
            AtomicInteger last = new AtomicInteger(1);
            AtomicInteger committed = new AtomicInteger();
            AtomicLong calls = new AtomicLong();
            List<Throwable> failures = Workers.run(THREADS, t -> {
                SplittableRandom random = new SplittableRandom(t);
                for (int i = 0; i < CALLS; i++) {
                    if (i % 2 == 0) {
                        int count = 1 + random.nextInt(VCPUS);
                        order.lock();
                        try {
                            solo.setVcpus(count);
                            last.set(count);
                            assertEquals(count, guest.onlineVcpus(), "right after setVcpus(" + count + ")");
                            committed.incrementAndGet();
                        } finally {
                            order.unlock();
                        }
                    } else {
                        solo.pinVcpu(random.nextInt(VCPUS), CpuMap.ofCpus(random.nextInt(CPUS)));
                    }
                    calls.incrementAndGet();
                }
            });
            new Figures("one-domain-ordered").put("threads", THREADS).put("calls", calls.get())
                    .put("failed", failures.size()).put("committed", committed.get())
                    .put("last", last.get()).put("final_count", guest.onlineVcpus()).print();

            assertEquals(List.of(), failures);
            assertEquals(THREADS * ((CALLS + 1) / 2), committed.get(), "every setVcpus committed");
            assertEquals(last.get(), guest.onlineVcpus());
        }
    }

    private static SimulatedXen host() {
        return SimulatedXen.builder().cpus(CPUS).domain("solo", VCPUS, 1).build();
    }

    private static CpuMap lastPin(int thread) {
        return CpuMap.ofCpus(thread % CPUS);
    }
}
