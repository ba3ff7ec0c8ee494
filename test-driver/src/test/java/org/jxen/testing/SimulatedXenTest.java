package org.jxen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jxen.DomainIdentity;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.JxenException;
import org.jxen.NodeInfo;
import org.jxen.VcpuCount;
import org.jxen.testfixtures.xend.FakeXend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Building a host, connecting to it, closing it, and the messages for bad arguments. */
class SimulatedXenTest {

    @Test
    void theHostIsWhatTheBuilderSays() {
        try (SimulatedXen xen = SimulatedXen.builder().xenVersion("4.19.0").cpus(64).onlineCpus(60)
                .domain("web", 8, 2).domain("db", 4, 4).build();
             Hypervisor h = xen.connect()) {
            NodeInfo node = h.nodeInfo();
            assertEquals(List.of("4.19.0", 60, 63), List.of(node.xenVersion(), node.cpus(), node.maxCpuId()));
            assertEquals(List.of(0, 1, 2), h.listDomains().stream().map(DomainIdentity::id).toList());
            assertEquals(List.of("Domain-0", "web", "db"), h.listDomains().stream().map(DomainIdentity::name).toList());
            assertEquals(new VcpuCount(4, 4), h.domain0().vcpuCount());
            assertEquals(new VcpuCount(2, 8), h.domain("web").vcpuCount());
            assertEquals(xen.guest("db").uuid(), h.domain(2).identity().uuid());
        }
    }

    @Test
    void givenIdsAndUuidsAreKeptAndTheNextIdFollowsTheHighest() {
        UUID db = UUID.fromString("6f1c3c2e-8a4b-4a57-9d1e-2b7f0c9e4a11");
        try (SimulatedXen xen = SimulatedXen.builder().domain(0, "dom0", new UUID(0, 0), 2, 2)
                .domain(7, "db", db, 4, 2).domain("next", 1, 1).build();
             Hypervisor h = xen.connect()) {
            assertEquals(List.of(new DomainIdentity(0, "dom0", new UUID(0, 0)), new DomainIdentity(7, "db", db),
                    new DomainIdentity(8, "next", xen.guest("next").uuid())), h.listDomains());
            assertEquals(9, xen.addDomain("later", 2, 1).id());
        }
    }

    @Test
    void defaultHostIsTestDefault() {
        try (SimulatedXen xen = SimulatedXen.defaultHost();
             Hypervisor kit = xen.connect();
             Hypervisor uri = Hypervisor.open(URI.create("test:///default"))) {
            assertEquals(uri.listDomains(), kit.listDomains());
            assertEquals(uri.nodeInfo(), kit.nodeInfo());
            assertEquals(uri.domain("demo").vcpus().size(), kit.domain("demo").vcpus().size());
        }
    }

    @Test
    void connectionsShareTheHostAndCloseWithIt() {
        SimulatedXen xen = SimulatedXen.defaultHost();
        Hypervisor first = xen.connect();
        Hypervisor second = xen.connect();
        first.domain("demo").setVcpus(3);
        assertEquals(3, second.domain("demo").vcpuCount().current());
        first.close();
        assertEquals(3, second.domain("demo").vcpuCount().current(), "closing one connection leaves the host");

        List<Path> files = xen.files();
        assertEquals(4, files.size());
        files.forEach(f -> assertTrue(Files.exists(f), f + " while running"));
        xen.close();
        files.forEach(f -> assertFalse(Files.exists(f), f + " after close"));
        assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(JxenException.class, second::listDomains).code());
        assertThrows(IllegalStateException.class, xen::connect);
        xen.close(); // harmless twice
    }

    @Test
    void aHostWithoutAPartSaysSoWhenAskedForIt() {
        try (SimulatedXen xen = SimulatedXen.builder().withoutPrivcmd().withoutXenstore().withoutXend().build()) {
            assertEquals(List.of(), xen.files());
            assertEquals(ErrorCode.NO_SUPPORT, assertThrows(JxenException.class, xen::connect).code());
            assertMessage(IllegalStateException.class, () -> xen.failNext(Hypercall.PHYSINFO, "EPERM"), "without privcmd");
            assertMessage(IllegalStateException.class, xen::xenstored, "without xenstored");
            assertMessage(IllegalStateException.class, xen::xend, "without xend");
        }
    }

    @Test
    void badBuilderArgumentsNameTheValueAndTheRange() {
        SimulatedXen.Builder b = SimulatedXen.builder();
        assertMessage(IllegalArgumentException.class, () -> b.cpus(0), "cpus is 0; it must be 1-65536");
        assertMessage(IllegalArgumentException.class, () -> b.onlineCpus(65537), "onlineCpus is 65537; it must be 1-65536");
        assertMessage(IllegalArgumentException.class, () -> b.domain("web", 0, 1), "maxVcpus of web is 0; it must be 1-4096");
        assertMessage(IllegalArgumentException.class, () -> b.domain("web", 4, 5), "onlineVcpus of web is 5; it must be 1-4");
        assertMessage(IllegalArgumentException.class, () -> b.domain(32752, "web", UUID.randomUUID(), 1, 1),
                "domain id is 32752; it must be 0-32751");
        assertMessage(IllegalArgumentException.class, () -> b.domain(" ", 1, 1), "name \" \" is blank");
        assertMessage(IllegalArgumentException.class, () -> b.domain(null, 1, 1), "name is null");
        assertMessage(IllegalArgumentException.class, () -> b.domain("web", 1, 1).domain("web", 1, 1),
                "each domain needs its own");
        assertMessage(IllegalArgumentException.class, () -> b.xenVersion("4"), "xenVersion \"4\"");
        assertMessage(IllegalArgumentException.class, () -> b.daemonTimeout(Duration.ZERO), "daemonTimeout is PT0S");
        assertMessage(IllegalArgumentException.class, () -> SimulatedXen.builder().cpus(16).onlineCpus(17).build(),
                "onlineCpus is 17; it must be 1-16");
        assertMessage(IllegalArgumentException.class, () -> SimulatedXen.builder().xenVersion("4.2.0").build(),
                "4.16, 4.17", "not 4.2");
    }

    @Test
    void badHostArgumentsNameTheValueAndWhatIsAllowed() {
        try (SimulatedXen xen = SimulatedXen.defaultHost()) {
            assertMessage(IllegalArgumentException.class, () -> xen.guest("web"), "\"web\"", "[Domain-0, demo]");
            assertMessage(IllegalArgumentException.class, () -> xen.destroyDomain("web"), "\"web\"", "[Domain-0, demo]");
            assertMessage(IllegalArgumentException.class, () -> xen.destroyDomain("Domain-0"), "Domain-0 cannot be destroyed");
            assertMessage(IllegalArgumentException.class, () -> xen.addDomain("demo", 1, 1), "\"demo\" is taken");
            assertMessage(IllegalArgumentException.class, () -> xen.guest("demo").hardAffinity(4),
                    "vcpu of demo is 4; it must be 0-3");
            assertMessage(IllegalArgumentException.class, () -> xen.guest("demo").delayHotplug(Duration.ofSeconds(-1)),
                    "delay is PT-1S");
            assertMessage(IllegalArgumentException.class, () -> xen.failNext(Hypercall.PHYSINFO, "EFOO"),
                    "\"EFOO\"", "EPERM", "ESRCH", "EINVAL");
            assertMessage(IllegalArgumentException.class, () -> xen.failNext(null, "EPERM"), "hypercall is null");
            assertMessage(IllegalArgumentException.class, () -> xen.fail(Hypercall.PHYSINFO, "EPERM", 0),
                    "times is 0; it must be 1-2147483647");
        }
    }

    @Test
    void aHostOverTheBudgetIsRefusedBeforeAnythingStarts() {
        SimulatedXen.Builder manyVcpus = SimulatedXen.builder();
        for (int i = 0; i < 5; i++) {
            manyVcpus.domain("guest" + i, 4096, 1);
        }
        assertMessage(IllegalArgumentException.class, manyVcpus::build, "20484 vCPUs", "at most 16384");
        SimulatedXen.Builder bigMaps = SimulatedXen.builder().cpus(65_536).domain("a", 4096, 1).domain("b", 4096, 1);
        // 8196 vCPUs, each with two maps of 8192 bytes
        assertMessage(IllegalArgumentException.class, bigMaps::build, "8196 vCPUs on 65536 pCPUs", "134283264 bytes",
                "at most 134217728", "8192 vCPUs on 65536 pCPUs");
        try (SimulatedXen atTheLimit = SimulatedXen.builder().cpus(65_536).domain(0, "Domain-0", new UUID(0, 0), 4096, 1)
                .domain("a", 4096, 1).withoutXend().withoutXenstore().build()) {
            assertEquals(4096, atTheLimit.guest("a").maxVcpus());
        }
    }

    @Test
    void anErrorHalfWayThroughStartUpLeavesNoDirectoryOrDaemon() {
        AtomicReference<Path> xendDirectory = new AtomicReference<>();
        OutOfMemoryError injected = new OutOfMemoryError("injected");
        long daemons = xenstoredDaemons();
        SimulatedXen.Builder failing = SimulatedXen.builder().xendStarter((host, directory) -> {
            xendDirectory.set(directory);
            throw injected;
        });
        assertSame(injected, assertThrows(OutOfMemoryError.class, failing::build), "rethrown as it is");
        assertFalse(Files.exists(xendDirectory.get()), xendDirectory + " after the failure");
        assertEquals(daemons, xenstoredDaemons(), "the xenstored started before the failure is stopped");
    }

    @Test
    void aXendSocketThatCannotBeCreatedLeavesNoDirectory() {
        AtomicReference<Path> xendDirectory = new AtomicReference<>();
        SimulatedXen.Builder tooLong = SimulatedXen.builder().xendStarter((host, directory) -> {
            xendDirectory.set(directory);
            return FakeXend.start(host, directory.resolve("x".repeat(120))); // beyond a unix socket path's 107 bytes
        });
        assertThrows(UncheckedIOException.class, tooLong::build);
        assertFalse(Files.exists(xendDirectory.get()), xendDirectory + " after the failure");
    }

    /** The fake xenstoreds running in this JVM, by their accepting threads. */
    private static long xenstoredDaemons() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("fake-xenstored-accept")).count();
    }

    private static void assertMessage(Class<? extends RuntimeException> type, Executable call, String... parts) {
        String message = assertThrows(type, call).getMessage();
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + part + "' not in: " + message);
        }
    }
}
