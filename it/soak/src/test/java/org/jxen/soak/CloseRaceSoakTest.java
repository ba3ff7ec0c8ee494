package org.jxen.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.JxenException;
import org.jxen.testing.SimulatedXen;

/**
 * Closing a connection while four threads call it: each call succeeds or fails with a
 * JxenException OPERATION_INVALID, never another code or exception from a device or socket
 * closed under it, and every thread's calls end with that failure.
 */
class CloseRaceSoakTest {

    private static final int ROUNDS = Sizes.length("raceRounds", 200);
    private static final int THREADS = Sizes.threads("raceThreads", 4);
    /** The close comes after 0 to this many successful calls, so it lands in every phase of a call. */
    private static final int CLOSE_AFTER_MAX = 50;
    private static final String OK = "ok";

    @Test
    void callsRacingCloseEndOnlyInOperationInvalid() throws Exception {
        Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        try (SimulatedXen xen = SimulatedXen.builder().cpus(16).domain("demo", 4, 2).build()) {
            for (int round = 0; round < ROUNDS; round++) {
                Hypervisor hypervisor = xen.connect();
                Domain demo = hypervisor.domain("demo");
                AtomicLong succeeded = new AtomicLong();
                Workers callers = Workers.start(THREADS, t -> {
                    for (int i = 0; ; i++) {
                        try {
                            call(t, i, hypervisor, demo);
                            succeeded.incrementAndGet();
                        } catch (Throwable e) { // anything but OPERATION_INVALID is what this test looks for
                            count(outcomes, e instanceof JxenException j ? j.code().name() : e.getClass().getName(), 1);
                            return;
                        }
                    }
                });
                callers.awaitRunning();
                long closeAfter = round % (CLOSE_AFTER_MAX + 1);
                while (succeeded.get() < closeAfter) {
                    Thread.onSpinWait();
                }
                hypervisor.close();
                assertEquals(List.of(), callers.join());
                count(outcomes, OK, succeeded.get());
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((k, v) -> counts.put(k, v.get()));
        Figures figures = new Figures("close-race").put("rounds", ROUNDS).put("threads", THREADS);
        counts.forEach(figures::put);
        figures.print();

        assertEquals(Set.of(OK, ErrorCode.OPERATION_INVALID.name()), counts.keySet(), counts.toString());
        assertEquals((long) ROUNDS * THREADS, counts.get(ErrorCode.OPERATION_INVALID.name()),
                "each thread's calls end in one OPERATION_INVALID");
    }

    private static void call(int thread, int i, Hypervisor hypervisor, Domain demo) {
        switch (thread % 4) {
            case 0 -> demo.vcpus();
            case 1 -> demo.pinVcpu(i % 4, CpuMap.ofCpus(i % 16));
            case 2 -> demo.setVcpus(1 + i % 4);
            default -> hypervisor.domain("demo").vcpuCount();
        }
    }

    private static void count(Map<String, AtomicLong> outcomes, String outcome, long n) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).addAndGet(n);
    }
}
