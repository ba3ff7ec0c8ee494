package org.jxen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.jxen.CpuMap;
import org.jxen.Hypervisor;
import org.jxen.testing.Hypercall;
import org.jxen.testing.SimulatedXen;
import org.junit.jupiter.api.Test;

/** The agent's tests as its authors write them: with the testing kit, acting on Xen while the agent runs. */
class VcpuAgentTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    // tag::kit-example[]
    @Test
    void aPinXenRefusesIsReportedAndThePassGoesOn() {
        try (SimulatedXen xen = SimulatedXen.builder().cpus(8).domain("web", 4, 1).domain("db", 4, 1).build();
             Hypervisor hypervisor = xen.connect()) {
            xen.failNext(Hypercall.SET_VCPU_AFFINITY, "EPERM");

            List<String> done = new VcpuAgent(hypervisor).pass();

            assertTrue(done.contains("web: pin vCPU 0 to pCPU 1: denied (EPERM)"), done::toString);
            assertEquals(CpuMap.all(8), xen.guest("web").hardAffinity(0)); // Xen unchanged
            assertEquals(4, xen.guest("web").onlineVcpus()); // the next step ran
            assertEquals(CpuMap.ofCpus(2), xen.guest("db").hardAffinity(0));
        }
    }
    // end::kit-example[]

    @Test
    void aDomainDestroyedWhileTheAgentRunsIsGoneAndTheOthersAreStillTuned() throws InterruptedException {
        try (SimulatedXen xen = SimulatedXen.builder().cpus(8).domain("web", 4, 1).domain("batch", 4, 1)
                .domain("db", 4, 1).build();
             Hypervisor hypervisor = xen.connect()) {
            VcpuAgent agent = new VcpuAgent(hypervisor);
            List<List<String>> passes = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> crash = new AtomicReference<>();
            Thread loop = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (!stop.get()) {
                        passes.add(agent.pass());
                    }
                } catch (Throwable t) {
                    crash.set(t);
                }
            });
            awaitPass(passes, crash, pass -> true);
            xen.destroyDomain("batch");
            awaitPass(passes, crash, pass -> pass.stream().noneMatch(line -> line.startsWith("batch")));
            stop.set(true);
            loop.join(DEADLINE.toMillis());

            assertNull(crash.get(), "the agent never fails a pass");
            for (List<String> pass : passes) {
                for (String line : pass) {
                    assertTrue(!line.startsWith("batch") || line.matches("batch( \\(2\\): \\d of 4 vCPUs online|: gone"
                            + "|: pin vCPU 0 to pCPU 2: done|: set 4 vCPUs online: done)"), line);
                }
            }
            assertEquals(CpuMap.ofCpus(1), xen.guest("web").hardAffinity(0));
            assertEquals(4, xen.guest("db").onlineVcpus());
        }
    }

    private static void awaitPass(List<List<String>> passes, AtomicReference<Throwable> crash,
            Predicate<List<String>> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (passes.stream().noneMatch(wanted) && crash.get() == null) {
            assertTrue(System.nanoTime() < deadline, "no such pass within " + DEADLINE + ": " + passes);
            Thread.sleep(10);
        }
    }
}
