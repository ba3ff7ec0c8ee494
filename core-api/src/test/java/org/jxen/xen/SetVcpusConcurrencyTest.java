package org.jxen.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.jxen.Backend;
import org.jxen.Domain;
import org.jxen.testfixtures.host.SimulatedHost;

/**
 * Many threads changing vCPU counts on one connection: none fails (threads on different domains
 * never conflict, as in xenstored; threads on one domain are serialized in-process rather than
 * sent to fight over the same nodes), and no successful change is lost.
 */
class SetVcpusConcurrencyTest {

    private static final int THREADS = 16;
    private static final int CALLS = 100;

    private static SimulatedHost host(int domains) {
        SimulatedHost.Builder b = SimulatedHost.builder().cpus(16).domain(0, "Domain-0", new UUID(0, 0), 4, 4);
        for (int d = 1; d <= domains; d++) {
            b.domain(d, "guest" + d, UUID.randomUUID(), 4, 1);
        }
        return b.build();
    }

    @Test
    void threadsOnDistinctDomainsNeverFail() throws Exception {
        try (XenStack stack = XenStack.on(host(THREADS), Backend.HYPERCALL, Backend.XENSTORE)) {
            Map<Integer, Integer> last = new ConcurrentHashMap<>();
            List<Throwable> failures = run(THREADS, t -> {
                Domain d = stack.hv.domain(t + 1);
                for (int i = 0; i < CALLS; i++) {
                    int count = 1 + ThreadLocalRandom.current().nextInt(4);
                    d.setVcpus(count);
                    last.put(t + 1, count);
                }
            });
            assertEquals(List.of(), failures);
            for (int d = 1; d <= THREADS; d++) {
                assertEquals(last.get(d), stack.host.domain(d).orElseThrow().onlineVcpus(), "guest" + d);
            }
        }
    }

    @Test
    void threadsOnOneDomainAreSerializedAndNoChangeIsLost() throws Exception {
        try (XenStack stack = XenStack.on(host(1), Backend.HYPERCALL, Backend.XENSTORE)) {
            // Every change writes cpu/3's node in one transaction: one event there per commit, and
            // the count the guest then has.
            List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
            stack.host.xenstore().addWatcher(path -> {
                if (path.equals("/local/domain/1/cpu/3/availability")) {
                    committed.add(onlineNodes(stack.host));
                }
            });
            AtomicInteger succeeded = new AtomicInteger();
            List<Throwable> failures = run(8, t -> {
                Domain d = stack.hv.domain("guest1");
                for (int i = 0; i < CALLS; i++) {
                    d.setVcpus(1 + (t + i) % 4);
                    succeeded.incrementAndGet();
                }
            });
            assertEquals(List.of(), failures);
            assertEquals(succeeded.get(), committed.size(), "one commit per successful call");
            assertEquals(committed.getLast(), stack.host.domain(1).orElseThrow().onlineVcpus(), "the last commit holds");
        }
    }

    private static int onlineNodes(SimulatedHost host) {
        int online = 0;
        for (int n = 0; n < 4; n++) {
            byte[] v = host.xenstore().read("/local/domain/1/cpu/" + n + "/availability").orElseThrow();
            online += new String(v, StandardCharsets.US_ASCII).equals("online") ? 1 : 0;
        }
        return online;
    }

    private interface Body {
        void run(int thread) throws Exception;
    }

    private static List<Throwable> run(int threads, Body body) throws InterruptedException {
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            started.add(Thread.ofPlatform().daemon().start(() -> {
                try {
                    body.run(thread);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : started) {
            t.join();
        }
        return failures;
    }
}
