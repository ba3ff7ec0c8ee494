package org.jxen.testfixtures.host;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SimulatedHostTest {

    private final SimulatedHost host = SimulatedHost.defaultHost();

    private static String read(SimXenstore xs, String path) {
        return xs.read(path).map(v -> new String(v, US_ASCII)).orElse(null);
    }

    @Test
    void defaultHostIsTheDocumentedOne() {
        assertEquals(16, host.hostCpus());
        assertEquals(16, host.onlineCpus());
        assertEquals(List.of(0, 1), host.domains().stream().map(SimDomain::id).toList());
        SimDomain demo = host.domain("demo").orElseThrow();
        assertEquals(4, demo.maxVcpus());
        assertEquals(2, demo.onlineVcpus());
        assertEquals(4, host.domain(0).orElseThrow().onlineVcpus());
        assertEquals("online", read(host.xenstore(), "/local/domain/1/cpu/1/availability"));
        assertEquals("offline", read(host.xenstore(), "/local/domain/1/cpu/2/availability"));
        assertEquals("demo", read(host.xenstore(), "/local/domain/1/name"));
    }

    @Test
    void availabilityWritesDriveTheGuestOnlyWhenItCooperates() {
        SimDomain demo = host.domain(1).orElseThrow();
        host.xenstore().write("/local/domain/1/cpu/3/availability", "online".getBytes(US_ASCII));
        assertTrue(demo.vcpu(3).online());
        host.xenstore().write("/local/domain/1/cpu/0/availability", "offline".getBytes(US_ASCII));
        assertFalse(demo.vcpu(0).online());
        assertEquals(2, demo.onlineVcpus());

        demo.setGuestCooperates(false);
        host.xenstore().write("/local/domain/1/cpu/0/availability", "online".getBytes(US_ASCII));
        assertFalse(demo.vcpu(0).online());
        host.xenstore().write("/local/domain/1/cpu/1/availability", "garbage".getBytes(US_ASCII));
        assertTrue(demo.vcpu(1).online());
    }

    @Test
    void aSlowGuestActsOnTheNodeAfterItsDelay() throws InterruptedException {
        SimDomain demo = host.domain(1).orElseThrow();
        demo.setHotplugDelay(Duration.ofSeconds(2));
        host.xenstore().write("/local/domain/1/cpu/3/availability", "online".getBytes(US_ASCII));
        assertFalse(demo.vcpu(3).online(), "not before the delay");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!demo.vcpu(3).online() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(demo.vcpu(3).online(), "after the delay");
        assertThrows(IllegalArgumentException.class, () -> demo.setHotplugDelay(Duration.ofMillis(-1)));
    }

    @Test
    void transactionsCommitAtomicallyAndConflictOnlyOnTheNodesTheyTouched() {
        SimXenstore xs = host.xenstore();
        SimXenstore.Transaction t = xs.beginTransaction();
        for (int n = 0; n < 4; n++) {
            t.write("/local/domain/1/cpu/" + n + "/availability", (n < 1 ? "online" : "offline").getBytes(US_ASCII));
        }
        assertEquals(2, host.domain(1).orElseThrow().onlineVcpus(), "not visible before commit");
        assertTrue(t.commit());
        assertEquals(1, host.domain(1).orElseThrow().onlineVcpus());

        // A change to a node the transaction did not touch is no conflict, as in xenstored.
        SimXenstore.Transaction other = xs.beginTransaction();
        other.write("/local/domain/1/cpu/2/availability", "online".getBytes(US_ASCII));
        xs.write("/unrelated", new byte[0]);
        xs.write("/local/domain/0/cpu/0/availability", "online".getBytes(US_ASCII));
        assertTrue(other.commit());
        assertEquals(2, host.domain(1).orElseThrow().onlineVcpus());

        // A change to a node it wrote, or read, is.
        SimXenstore.Transaction loser = xs.beginTransaction();
        loser.write("/local/domain/1/cpu/3/availability", "online".getBytes(US_ASCII));
        xs.write("/local/domain/1/cpu/3/availability", "offline".getBytes(US_ASCII));
        assertFalse(loser.commit());
        assertEquals("offline", read(xs, "/local/domain/1/cpu/3/availability"));
        assertThrows(IllegalStateException.class, () -> loser.write("/x", new byte[0]));

        SimXenstore.Transaction reader = xs.beginTransaction();
        reader.read("/local/domain/1/name");
        reader.write("/local/domain/1/cpu/3/availability", "online".getBytes(US_ASCII));
        xs.write("/local/domain/1/name", "renamed".getBytes(US_ASCII));
        assertFalse(reader.commit(), "a node it read changed");

        SimXenstore.Transaction lister = xs.beginTransaction();
        lister.directory("/local/domain/1/cpu");
        lister.write("/local/domain/1/cpu/0/availability", "online".getBytes(US_ASCII));
        xs.mkdir("/local/domain/1/cpu/9");
        assertFalse(lister.commit(), "a directory it listed gained a child");
    }

    @Test
    void treeOperationsBehaveLikeXenstored() throws Exception {
        SimXenstore xs = host.xenstore();
        List<String> seen = new ArrayList<>();
        AutoCloseable watcher = xs.addWatcher(seen::add);
        xs.write("/a/b/c", "v".getBytes(US_ASCII));
        watcher.close();
        xs.write("/a/b/c", "w".getBytes(US_ASCII));
        assertEquals(List.of("/a", "/a/b", "/a/b/c"), seen, "nothing after the watcher is closed");
        assertArrayEquals(new byte[0], xs.read("/a/b").orElseThrow());
        assertEquals(Optional.of(List.of("b")), xs.directory("/a"));
        xs.mkdir("/a/d");
        assertEquals(Optional.of(List.of("b", "d")), xs.directory("/a"));
        assertTrue(xs.rm("/a"));
        assertEquals(Optional.empty(), xs.read("/a/b/c"));
        assertFalse(xs.rm("/a"));
        assertTrue(xs.directory("/").orElseThrow().containsAll(List.of("local", "vm")));
        assertThrows(IllegalArgumentException.class, () -> xs.write("relative", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> xs.write("/trailing/", new byte[0]));
    }

    @Test
    void affinityFollowsXenSemantics() {
        SimulatedHost h = SimulatedHost.builder().cpus(8).onlineCpus(4)
                .domain(3, "g", UUID.randomUUID(), 2, 2).build();
        SimVcpu v = h.domain(3).orElseThrow().vcpu(1);
        BitSet req = new BitSet();
        req.set(2, 6);
        req.set(100); // beyond the host: dropped, as Xen drops it
        BitSet effective = v.setHardAffinity(req);
        BitSet expectedEffective = new BitSet();
        expectedEffective.set(2, 4);
        assertEquals(expectedEffective, effective);
        BitSet expectedHard = new BitSet();
        expectedHard.set(2, 6);
        assertEquals(expectedHard, v.hardAffinity());
        assertTrue(v.pcpu() == 2 || v.pcpu() == 3, "moved into its affinity: " + v.pcpu());

        BitSet offlineOnly = new BitSet();
        offlineOnly.set(6);
        assertThrows(IllegalArgumentException.class, () -> v.setHardAffinity(offlineOnly));
        assertEquals(expectedHard, v.hardAffinity(), "a rejected pin changes nothing");
        assertTrue(v.setSoftAffinity(offlineOnly).isEmpty());
    }

    @Test
    void cpuTimeGrowsOnlyWhileOnlineOnTheHostsClock() {
        AtomicLong now = new AtomicLong(1_000);
        SimulatedHost timed = SimulatedHost.builder().clock(now::get).domain(0, "Domain-0", new UUID(0, 0), 1, 1)
                .domain(1, "demo", UUID.randomUUID(), 2, 1).build();
        SimVcpu v0 = timed.domain(1).orElseThrow().vcpu(0);
        assertEquals(0, v0.cpuTimeNs());
        now.addAndGet(2_500);
        assertEquals(2_500, v0.cpuTimeNs());
        v0.setOnline(false);
        now.addAndGet(1_000_000);
        assertEquals(2_500, v0.cpuTimeNs(), "no time while offline");
        v0.setOnline(true);
        now.addAndGet(500);
        assertEquals(3_000, v0.cpuTimeNs());
        assertEquals(0, timed.domain(1).orElseThrow().vcpu(1).cpuTimeNs(), "never online");
    }

    @Test
    void destroyRemovesTheDomainAndItsNodes() {

        assertTrue(host.destroyDomain(1));
        assertTrue(host.domain(1).isEmpty());
        assertEquals(Optional.empty(), host.xenstore().directory("/local/domain/1"));
        assertFalse(host.destroyDomain(1));
    }
}
