package org.jxen.testfixtures.privcmd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.jxen.hypercall.Affinity;
import org.jxen.hypercall.Operation;
import org.jxen.hypercall.VcpuInfo;
import org.jxen.hypercall.XenHypercalls;

/** Eight threads share one device and one XenHypercalls; each works on its own vCPU of domain 7. */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 300;

    @Test
    void concurrentCallersGetConsistentResults() throws Exception {
        try (FakePrivcmd fake = new FakePrivcmd(Hosts.host(21, 4096));
                ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            XenHypercalls xen = XenHypercalls.connect(fake);
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int vcpu = t;
                done.add(pool.submit(() -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        byte[] map = new byte[512];
                        int cpu = (vcpu * 64 + round) % 4096;
                        map[cpu / 8] = (byte) (1 << (cpu % 8));
                        assertArrayEquals(map, xen.setVcpuAffinity(7, vcpu, Affinity.HARD, map));
                        assertArrayEquals(map, xen.vcpuAffinity(7, vcpu, Affinity.HARD));
                        VcpuInfo info = xen.vcpuInfo(7, vcpu);
                        assertEquals(vcpu, info.vcpu());
                        assertEquals(cpu, info.cpu(), "the vCPU moved into its only allowed pCPU");
                        assertEquals(7, xen.domainInfo(7).domain());
                    }
                    return ROUNDS;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            assertEquals(THREADS * ROUNDS, total);
            assertTrue(fake.calls(Operation.DOMCTL_GETVCPUINFO) >= THREADS * ROUNDS);
        }
    }
}
