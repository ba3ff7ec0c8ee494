package org.jxen.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.ErrorCode;
import org.jxen.JxenException;

/**
 * Closing a connection while calls are in flight: every call either finishes or fails with a
 * JxenException (OPERATION_INVALID), never another exception from the device or socket pulled
 * from under it.
 */
class CloseRaceTest {

    private static final int ROUNDS = 100;
    private static final int THREADS = 3;

    @Test
    void callsRacingCloseFailOnlyWithJxenException() throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            try (XenStack stack = XenStack.all()) {
                Domain demo = stack.hv.domain("demo");
                CountDownLatch started = new CountDownLatch(THREADS);
                List<Thread> threads = new ArrayList<>();
                List<Throwable> thrown = java.util.Collections.synchronizedList(new ArrayList<>());
                for (int t = 0; t < THREADS; t++) {
                    int which = t;
                    threads.add(Thread.ofPlatform().start(() -> {
                        started.countDown();
                        try {
                            for (int i = 0; i < 1_000; i++) {
                                switch (which) {
                                    case 0 -> demo.vcpus();
                                    case 1 -> demo.pinVcpu(1, CpuMap.ofCpus(i % 16));
                                    default -> demo.setVcpus(1 + i % 4);
                                }
                            }
                        } catch (Throwable e) {
                            thrown.add(e);
                        }
                    }));
                }
                started.await();
                stack.hv.close();
                for (Thread t : threads) {
                    t.join();
                }
                for (Throwable e : thrown) {
                    String outcome = e instanceof JxenException j ? j.code().name() : e.toString();
                    outcomes.merge(outcome, 1, Integer::sum);
                }
            }
        }
        assertEquals(List.of(ErrorCode.OPERATION_INVALID.name()), List.copyOf(outcomes.keySet()), outcomes.toString());
        assertTrue(outcomes.get(ErrorCode.OPERATION_INVALID.name()) > 0, "the race was never lost: " + outcomes);
    }
}
