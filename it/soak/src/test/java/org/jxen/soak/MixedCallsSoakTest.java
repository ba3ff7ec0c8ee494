package org.jxen.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.DomainIdentity;
import org.jxen.Hypervisor;
import org.jxen.JxenException;
import org.jxen.testing.Guest;
import org.jxen.testing.SimulatedXen;

/**
 * Every call of the API from 16 threads on one connection, each thread changing its own domain and
 * reading the others: no call fails, and what each thread last set is what Xen holds, read back
 * through the kit (not jxen).
 */
class MixedCallsSoakTest {

    private static final int THREADS = Sizes.threads("mixedThreads", 16);
    private static final int CALLS = Sizes.length("calls", 10_000);
    private static final int VCPUS = 4;
    /** Domain-0's 4 vCPUs, every guest's, and a few pCPUs over. */
    private static final int CPUS = VCPUS * (THREADS + 1) + 4;
    private static final int KINDS_OF_CALL = 11;

    @Test
    void sixteenThreadsOfMixedCallsLoseNothing() throws Exception {
        SimulatedXen.Builder builder = SimulatedXen.builder().cpus(CPUS);
        for (int t = 0; t < THREADS; t++) {
            builder.domain("guest" + t, VCPUS, 1);
        }
        try (SimulatedXen xen = builder.build(); Hypervisor hypervisor = xen.connect()) {
            List<ThreadState> states = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                states.add(new ThreadState(hypervisor.domain("guest" + t)));
            }
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            AtomicLong calls = new AtomicLong();
            long start = System.nanoTime();
            List<Throwable> thrown = Workers.run(THREADS, t -> {
                SplittableRandom random = new SplittableRandom(t); // the same mix every run
                for (int i = 0; i < CALLS; i++) {
                    int kind = random.nextInt(KINDS_OF_CALL);
                    try {
                        states.get(t).call(kind, hypervisor, random, states.get((t + 1 + i) % THREADS).domain);
                    } catch (JxenException | AssertionError e) {
                        failures.add("thread " + t + " call kind " + kind + ": " + e);
                    }
                    calls.incrementAndGet();
                }
            });
            long nanos = System.nanoTime() - start;
            new Figures("mixed-calls").put("threads", THREADS).put("calls", calls.get())
                    .put("failed", failures.size()).put("seconds", String.format("%.1f", nanos / 1e9))
                    .rate("calls_per_s", calls.get(), nanos).print();

            assertEquals(List.of(), thrown);
            assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), failures.size() + " failed calls");
            assertEquals((long) THREADS * CALLS, calls.get());
            for (int t = 0; t < THREADS; t++) {
                states.get(t).assertHeldBy(xen.guest("guest" + t));
            }
        }
    }

    /** One thread's domain and what it last set there; only that thread writes it. */
    private static final class ThreadState {

        final Domain domain;
        final DomainIdentity identity;
        final CpuMap[] lastHard = new CpuMap[VCPUS];
        final CpuMap[] lastSoft = new CpuMap[VCPUS];
        int lastCount = 1;

        ThreadState(Domain domain) {
            this.domain = domain;
            this.identity = domain.identity();
        }

        void call(int kind, Hypervisor hypervisor, SplittableRandom random, Domain other) {
            int vcpu = random.nextInt(VCPUS);
            switch (kind) {
                case 0 -> assertEquals(VCPUS, domain.vcpus().size());
                case 1 -> assertEquals(VCPUS, domain.vcpuCount().maximum());
                case 2 -> {
                    CpuMap cpus = twoCpus(random);
                    domain.pinVcpu(vcpu, cpus);
                    lastHard[vcpu] = cpus;
                }
                case 3 -> {
                    // within the hard affinity: Xen narrows a soft pin outside it, and jxen warns
                    CpuMap cpus = lastHard[vcpu] == null ? twoCpus(random) : lastHard[vcpu];
                    domain.pinVcpuSoft(vcpu, cpus);
                    lastSoft[vcpu] = cpus;
                }
                case 4 -> {
                    int count = 1 + random.nextInt(VCPUS);
                    domain.setVcpus(count);
                    lastCount = count;
                }
                case 5 -> assertEquals(CPUS, hypervisor.nodeInfo().hostCpus());
                case 6 -> assertEquals(THREADS + 1, hypervisor.listDomains().size());
                case 7 -> assertEquals(identity, hypervisor.domain(identity.name()).identity());
                case 8 -> assertEquals(identity, hypervisor.domain(identity.id()).identity());
                case 9 -> assertEquals(identity, hypervisor.domain(identity.uuid()).identity());
                default -> assertEquals(VCPUS, other.vcpus().size());
            }
        }

        void assertHeldBy(Guest guest) {
            assertEquals(lastCount, guest.onlineVcpus(), guest + ": online vCPUs");
            for (int v = 0; v < VCPUS; v++) {
                if (lastHard[v] != null) {
                    assertEquals(lastHard[v], guest.hardAffinity(v), guest + " vCPU " + v + " hard affinity");
                }
                if (lastSoft[v] != null) {
                    assertEquals(lastSoft[v], guest.softAffinity(v), guest + " vCPU " + v + " soft affinity");
                }
            }
        }

        private static CpuMap twoCpus(SplittableRandom random) {
            return CpuMap.ofCpus(random.nextInt(CPUS), random.nextInt(CPUS));
        }
    }
}
