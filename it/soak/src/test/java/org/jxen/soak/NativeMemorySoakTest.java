package org.jxen.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxen.Domain;
import org.jxen.Hypervisor;
import org.jxen.testing.SimulatedXen;

/**
 * A million getVcpus calls leak neither file descriptors nor native memory: every hypercall buffer
 * is Arena-scoped, so the process must look after the last call as it did after the warm-up.
 */
class NativeMemorySoakTest {

    private static final int CALLS = Sizes.length("memoryCalls", 1_000_000);
    private static final int SAMPLES = 10;
    /** Long enough for the JIT to compile the call path and the heap (fixed, pre-touched) to settle. */
    private static final int WARM_UP = Math.max(1, CALLS / 10);
    /**
     * The bound on RSS growth after warm-up. The heap is fixed and pre-touched (the module's pom), so
     * growth is native: the JIT's code and metaspace, a few MiB at most, and any leak. A leak of one
     * 64-byte allocation per call would be 61 MiB over a million calls; 32 MiB catches it and anything
     * larger, with room for the JIT. (A quick run is too short to tell a small leak from the JIT.)
     */
    private static final long RSS_GROWTH_BOUND_KIB = 32 * 1024;

    record Sample(long calls, int fds, long rssKiB, long directBytes, long mappedBytes) {
        static Sample now(long calls) {
            return new Sample(calls, ProcessResources.openFds(), ProcessResources.rssKiB(),
                    ProcessResources.bufferPoolBytes("direct"), ProcessResources.bufferPoolBytes("mapped"));
        }

        void print() {
            new Figures("native-memory-sample").put("calls", calls).put("fds", fds).put("rss_kib", rssKiB)
                    .put("direct_bytes", directBytes).put("mapped_bytes", mappedBytes).print();
        }
    }

    @Test
    void aMillionGetVcpusLeaveFdsAndRssWhereTheyWere() {
        try (SimulatedXen xen = SimulatedXen.builder().cpus(16).domain("four", 4, 4).build();
             Hypervisor hypervisor = xen.connect()) {
            Domain four = hypervisor.domain("four");
            calls(four, WARM_UP);
            List<Sample> samples = new ArrayList<>(List.of(Sample.now(0)));
            long start = System.nanoTime();
            for (int s = 1; s <= SAMPLES; s++) {
                calls(four, CALLS / SAMPLES);
                samples.add(Sample.now((long) s * (CALLS / SAMPLES)));
            }
            long nanos = System.nanoTime() - start;
            Sample first = samples.getFirst();
            long growth = samples.stream().mapToLong(Sample::rssKiB).max().orElseThrow() - first.rssKiB();
            samples.forEach(Sample::print);
            new Figures("native-memory").put("calls", samples.getLast().calls())
                    .put("fds", first.fds() + "->" + samples.getLast().fds())
                    .put("rss_kib", first.rssKiB() + "->" + samples.getLast().rssKiB()).put("rss_growth_kib", growth)
                    .put("direct", first.directBytes() + "->" + samples.getLast().directBytes())
                    .rate("calls_per_s", samples.getLast().calls(), nanos).print();

            for (Sample s : samples) {
                assertEquals(first.fds(), s.fds(), "open fds at " + s);
            }
            assertTrue(growth < RSS_GROWTH_BOUND_KIB, "RSS grew by " + growth + " KiB after warm-up: " + samples);
        }
    }

    private static void calls(Domain domain, int count) {
        for (int i = 0; i < count; i++) {
            assertEquals(4, domain.vcpus().size());
        }
    }
}
