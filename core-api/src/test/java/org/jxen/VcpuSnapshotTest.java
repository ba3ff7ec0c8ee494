package org.jxen;

import static org.jxen.Errors.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The utilization arithmetic over two snapshots, with figures worked out by hand. */
class VcpuSnapshotTest {

    private static final long SECOND = 1_000_000_000L;
    private static final DomainIdentity WEB = new DomainIdentity(3, "web", new UUID(0, 3));
    private static final DomainIdentity DB = new DomainIdentity(4, "db", new UUID(0, 4));

    private static VcpuSample online(int n, long cpuTime) {
        return new VcpuSample(n, VcpuState.RUNNING, cpuTime, n, Optional.empty(), Optional.empty());
    }

    private static VcpuSample offline(int n, long cpuTime) {
        return new VcpuSample(n, VcpuState.OFFLINE, cpuTime, -1, Optional.empty(), Optional.empty());
    }

    private static OptionalDouble percent(double value) {
        return OptionalDouble.of(value);
    }

    @Test
    void cpuTimeDeltaOverWallDeltaPerVcpuAndPerDomain() {
        // 2 s apart: vCPU 0 ran 2 s (100 %), vCPU 1 ran 0.5 s (25 %), vCPU 2 did not run (0 %).
        VcpuSnapshot then = new VcpuSnapshot(10 * SECOND, List.of(new DomainVcpus(WEB, 10 * SECOND,
                List.of(online(0, 5 * SECOND), online(1, SECOND), online(2, 7)))));
        VcpuSnapshot now = new VcpuSnapshot(12 * SECOND, List.of(new DomainVcpus(WEB, 12 * SECOND,
                List.of(online(0, 7 * SECOND), online(1, SECOND + SECOND / 2), online(2, 7)))));
        DomainUsage web = now.usageSince(then).getFirst();
        assertEquals(WEB, web.domain());
        assertEquals(percent(125), web.percent(), "2.5 s of CPU in 2 s: one and a quarter pCPUs, as xentop shows it");
        assertEquals(List.of(new VcpuUsage(0, VcpuState.RUNNING, percent(100)), new VcpuUsage(1, VcpuState.RUNNING, percent(25)),
                new VcpuUsage(2, VcpuState.RUNNING, percent(0))), web.vcpus());
    }

    @Test
    void newDomainsHaveNoFigureAndGoneOnesAreDropped() {
        VcpuSnapshot then = new VcpuSnapshot(0, List.of(new DomainVcpus(WEB, 0, List.of(online(0, 0)))));
        VcpuSnapshot now = new VcpuSnapshot(SECOND, List.of(new DomainVcpus(DB, SECOND, List.of(online(0, SECOND)))));
        assertEquals(List.of(new DomainUsage(DB, OptionalDouble.empty(),
                List.of(new VcpuUsage(0, VcpuState.RUNNING, OptionalDouble.empty())))), now.usageSince(then));
    }

    @Test
    void anIdTakenOverByAnotherDomainIsANewDomain() {
        DomainIdentity reborn = new DomainIdentity(WEB.id(), WEB.name(), new UUID(9, 9));
        VcpuSnapshot then = new VcpuSnapshot(0, List.of(new DomainVcpus(WEB, 0, List.of(online(0, 5 * SECOND)))));
        VcpuSnapshot now = new VcpuSnapshot(SECOND, List.of(new DomainVcpus(reborn, SECOND, List.of(online(0, SECOND / 10)))));
        assertTrue(now.usageSince(then).getFirst().percent().isEmpty());
    }

    @Test
    void aRenamedDomainIsTheSameDomain() {
        DomainIdentity renamed = new DomainIdentity(WEB.id(), "web-2", WEB.uuid());
        VcpuSnapshot then = new VcpuSnapshot(0, List.of(new DomainVcpus(WEB, 0, List.of(online(0, 0)))));
        VcpuSnapshot now = new VcpuSnapshot(SECOND, List.of(new DomainVcpus(renamed, SECOND, List.of(online(0, SECOND / 2)))));
        assertEquals(percent(50), now.usageSince(then).getFirst().percent());
    }

    @Test
    void aVcpuTakenOfflineHasNoFigureButItsTimeCountsForTheDomain() {
        // vCPU 1 ran 0.4 s of the second and then went down: no vCPU figure is made up for it.
        VcpuSnapshot then = new VcpuSnapshot(0, List.of(new DomainVcpus(WEB, 0, List.of(online(0, 0), online(1, 0)))));
        VcpuSnapshot now = new VcpuSnapshot(SECOND, List.of(new DomainVcpus(WEB, SECOND,
                List.of(online(0, SECOND / 2), offline(1, 4 * SECOND / 10)))));
        DomainUsage web = now.usageSince(then).getFirst();
        assertEquals(new VcpuUsage(1, VcpuState.OFFLINE, OptionalDouble.empty()), web.vcpus().get(1));
        assertEquals(90.0, web.percent().getAsDouble(), 1e-9);
    }

    @Test
    void aVcpuBroughtOnlineCountsWhatItRanSince() {
        VcpuSnapshot then = new VcpuSnapshot(0, List.of(new DomainVcpus(WEB, 0, List.of(online(0, 0), offline(1, SECOND)))));
        VcpuSnapshot now = new VcpuSnapshot(SECOND, List.of(new DomainVcpus(WEB, SECOND,
                List.of(online(0, 0), online(1, SECOND + SECOND / 4)))));
        assertEquals(percent(25), now.usageSince(then).getFirst().vcpus().get(1).percent());
    }

    @Test
    void cpuTimeThatWentBackwardsIsNoFigure() {
        VcpuSnapshot then = new VcpuSnapshot(0, List.of(new DomainVcpus(WEB, 0, List.of(online(0, 5 * SECOND)))));
        VcpuSnapshot now = new VcpuSnapshot(SECOND, List.of(new DomainVcpus(WEB, SECOND, List.of(online(0, SECOND)))));
        DomainUsage web = now.usageSince(then).getFirst();
        assertTrue(web.percent().isEmpty());
        assertTrue(web.vcpus().getFirst().percent().isEmpty());
    }

    @Test
    void eachDomainIsMeasuredOverItsOwnInterval() {
        // The pass reached db 0.5 s after its start the first time and at once the second time:
        // db's interval is 1.5 s, not the 2 s between the passes.
        VcpuSnapshot then = new VcpuSnapshot(0, List.of(new DomainVcpus(WEB, 0, List.of(online(0, 0))),
                new DomainVcpus(DB, SECOND / 2, List.of(online(0, 0)))));
        VcpuSnapshot now = new VcpuSnapshot(2 * SECOND,
                List.of(new DomainVcpus(WEB, 2 * SECOND, List.of(online(0, SECOND))),
                new DomainVcpus(DB, 2 * SECOND, List.of(online(0, 3 * SECOND / 4)))));
        List<DomainUsage> usage = now.usageSince(then);
        assertEquals(percent(50), usage.get(0).percent());
        assertEquals(percent(50), usage.get(1).percent());
        // Snapshots assembled by hand may claim a domain was read before its earlier read: no figure.
        VcpuSnapshot odd = new VcpuSnapshot(3 * SECOND, List.of(new DomainVcpus(DB, SECOND / 4, List.of(online(0, SECOND)))));
        assertTrue(odd.usageSince(then).getFirst().percent().isEmpty());
    }

    @Test
    void snapshotsMustBeInOrderAndWellFormed() {
        VcpuSnapshot a = new VcpuSnapshot(5, List.of());
        VcpuSnapshot b = new VcpuSnapshot(5, List.of());
        assertInvalid(() -> b.usageSince(a), "taken 0 ns after", "before");
        assertInvalid(() -> a.usageSince(new VcpuSnapshot(9, List.of())), "4 ns after");
        assertInvalid(() -> a.usageSince(null), "'earlier'");
        assertInvalid(() -> new DomainVcpus(WEB, 0, List.of()), "no vCPU");
        assertInvalid(() -> new DomainVcpus(WEB, 0, List.of(online(1, 0))), "vCPU 1", "position 0", "0 to 0");
        assertInvalid(() -> new VcpuSample(0, VcpuState.OFFLINE, 0, 3, Optional.empty(), Optional.empty()), "cpu 3");
        assertInvalid(() -> new VcpuSample(0, VcpuState.RUNNING, -1, 3, Optional.empty(), Optional.empty()), "-1");
        assertInvalid(() -> new VcpuUsage(0, VcpuState.RUNNING, OptionalDouble.of(Double.NaN)), "NaN");
        assertInvalid(() -> new DomainUsage(WEB, OptionalDouble.of(-1), List.of()), "-1.0");
    }

    @Test
    void currentAndMaximumAreLibvirtsVcpuCounts() {
        DomainVcpus web = new DomainVcpus(WEB, 0, List.of(online(0, 3), offline(1, 4), online(2, 5)));
        assertEquals(2, web.current());
        assertEquals(3, web.maximum());
        assertEquals(12, web.cpuTime());
    }
}
