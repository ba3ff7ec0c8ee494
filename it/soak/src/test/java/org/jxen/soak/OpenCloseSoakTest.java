package org.jxen.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxen.Hypervisor;
import org.jxen.testing.SimulatedXen;

/**
 * Opening and closing connections and whole hosts, thousands of times, gives back every file
 * descriptor and thread, and leaves no socket or temporary directory of the kit behind.
 */
class OpenCloseSoakTest {

    private static final int CONNECTIONS = Sizes.length("connectCycles", 2_000);
    private static final int HOSTS = Sizes.length("hostCycles", 200);
    /** Cycles before the start counts: the JVM's lazily started threads (virtual-thread carriers) exist by then. */
    private static final int WARM_UP = 20;

    @Test
    void connectAndCloseGiveBackFdsAndThreads() throws Exception {
        try (SimulatedXen xen = SimulatedXen.defaultHost()) {
            runCycles("connect-close", CONNECTIONS, () -> {
                try (Hypervisor hypervisor = xen.connect()) {
                    assertEquals(2, hypervisor.listDomains().size()); // through xenstored and privcmd
                }
            });
        }
    }

    @Test
    void buildAndCloseOfWholeHostsLeaveNothing() throws Exception {
        List<Path> before = ProcessResources.kitTempFiles();
        try (SimulatedXen xen = SimulatedXen.defaultHost()) {
            // the check below looks where the kit writes: a running host's two directories are seen
            assertEquals(before.size() + 2, ProcessResources.kitTempFiles().size(), "a running host's directories");
        }
        runCycles("host-build-close", HOSTS, () -> {
            try (SimulatedXen xen = SimulatedXen.defaultHost(); Hypervisor hypervisor = xen.connect()) {
                assertEquals(4, hypervisor.domain("demo").vcpus().size());
            }
        });
        assertEquals(before, ProcessResources.kitTempFiles(), "the kit's sockets and directories in "
                + System.getProperty("java.io.tmpdir"));
    }

    private static void runCycles(String name, int cycles, Runnable cycle) throws InterruptedException {
        for (int i = 0; i < WARM_UP; i++) {
            cycle.run();
        }
        int fds = ProcessResources.steady(ProcessResources::openFds);
        int threads = ProcessResources.steady(ProcessResources::threads);
        long start = System.nanoTime();
        for (int i = 0; i < cycles; i++) {
            cycle.run();
        }
        long nanos = System.nanoTime() - start;
        int fdsAfter = ProcessResources.settledTo(fds, ProcessResources::openFds);
        int threadsAfter = ProcessResources.settledTo(threads, ProcessResources::threads);
        new Figures(name).put("cycles", cycles).put("fds", fds + "->" + fdsAfter)
                .put("threads", threads + "->" + threadsAfter).rate("cycles_per_s", cycles, nanos).print();
        assertEquals(fds, fdsAfter, "open fds");
        assertEquals(threads, threadsAfter, "platform threads");
    }
}
