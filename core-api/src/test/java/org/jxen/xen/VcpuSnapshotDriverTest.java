package org.jxen.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jxen.Backend;
import org.jxen.CpuMap;
import org.jxen.DomainIdentity;
import org.jxen.DomainUsage;
import org.jxen.DomainVcpus;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.VcpuInfo;
import org.jxen.VcpuSample;
import org.jxen.VcpuSnapshot;
import org.jxen.VcpuState;
import org.jxen.hypercall.Errno;
import org.jxen.hypercall.Operation;
import org.jxen.testfixtures.host.SimDomain;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.testfixtures.xenstored.Misbehaviour;
import org.junit.jupiter.api.Test;

/** The all-domains read through each backend, what it costs Xen, and utilization against steered loads. */
class VcpuSnapshotDriverTest {

    private static final UUID DEMO = UUID.fromString("4dea22b3-1d52-d8f3-2516-782e98ab3fa0");

    @Test
    void readsEveryDomainAsTheOneDomainReadDoes() throws Exception {
        try (XenStack stack = XenStack.all()) {
            VcpuSnapshot snapshot = stack.hv.vcpuSnapshot(true);
            assertEquals(List.of(new DomainIdentity(0, "Domain-0", new UUID(0, 0)), new DomainIdentity(1, "demo", DEMO)),
                    snapshot.domains().stream().map(DomainVcpus::domain).toList());
            for (DomainVcpus d : snapshot.domains()) {
                List<VcpuInfo> one = stack.hv.domain(d.domain().id()).vcpus();
                assertEquals(one.size(), d.maximum());
                for (VcpuInfo v : one) {
                    VcpuSample s = d.vcpus().get(v.number());
                    assertEquals(v.state(), s.state());
                    assertEquals(v.cpu(), s.cpu());
                    assertEquals(Optional.of(v.hardAffinity()), s.hardAffinity());
                    assertEquals(Optional.of(v.softAffinity()), s.softAffinity());
                    assertTrue(s.cpuTime() <= v.cpuTime(), "read earlier, so no more CPU time");
                }
            }
            DomainVcpus demo = snapshot.domains().get(1);
            assertEquals(2, demo.current());
            assertEquals(4, demo.maximum());
            assertEquals(List.of(VcpuState.RUNNING, VcpuState.BLOCKED, VcpuState.OFFLINE, VcpuState.OFFLINE),
                    demo.vcpus().stream().map(VcpuSample::state).toList());
            assertEquals(0, stack.xend.requests().size());
        }
    }

    @Test
    void costsOneSysctlAndTheVcpuDomctlsAndAffinityOnlyWhenAsked() throws Exception {
        try (XenStack stack = XenStack.all()) {
            Map<Operation, Long> before = stack.hypercalls();
            VcpuSnapshot plain = stack.hv.vcpuSnapshot(false);
            // 8 vCPUs in all: one getvcpuinfo each, and no getdomaininfo per domain.
            assertEquals(Map.of(Operation.SYSCTL_GETDOMAININFOLIST, 1L, Operation.DOMCTL_GETVCPUINFO, 8L),
                    XenStack.difference(before, stack.hypercalls()));
            assertTrue(plain.domains().stream().flatMap(d -> d.vcpus().stream())
                    .allMatch(v -> v.hardAffinity().isEmpty() && v.softAffinity().isEmpty()));
            before = stack.hypercalls();
            stack.hv.vcpuSnapshot(true);
            assertEquals(Map.of(Operation.SYSCTL_GETDOMAININFOLIST, 1L, Operation.DOMCTL_GETVCPUINFO, 8L,
                    Operation.DOMCTL_GETVCPUAFFINITY, 8L), XenStack.difference(before, stack.hypercalls()));
        }
    }

    @Test
    void namesAreReadOnceAndAgainWhenXenstoreSaysTheyChanged() throws Exception {
        try (XenStack stack = XenStack.all()) {
            stack.hv.vcpuSnapshot(false);
            long requests = stack.xenstored.requestCount();
            stack.hv.vcpuSnapshot(false);
            assertEquals(requests, stack.xenstored.requestCount(), "a second pass asks xenstored nothing");

            stack.host.xenstore().write("/local/domain/1/name", "web".getBytes(StandardCharsets.US_ASCII));
            awaitNames(stack, List.of("Domain-0", "web"));
            stack.host.destroyDomain(1);
            stack.host.createDomain(1, "other", new UUID(7, 7), 2, 1);
            awaitNames(stack, List.of("Domain-0", "other"));
            assertEquals(new UUID(7, 7), stack.hv.vcpuSnapshot(false).domains().get(1).domain().uuid());
        }
    }

    @Test
    void aRenameWhileTheXenstoreConnectionWasDownIsSeen() throws Exception {
        try (XenStack stack = XenStack.all()) {
            stack.hv.vcpuSnapshot(false);
            // The connection breaks on the next request (a listing: xend answers it instead)...
            stack.xenstored.misbehave(new Misbehaviour.DropMidReply());
            assertEquals(2, stack.hv.listDomains().size());
            // ...and a rename then reaches no watch.
            stack.host.xenstore().write("/local/domain/1/name", "web".getBytes(StandardCharsets.US_ASCII));
            stack.xenstored.behave();
            assertEquals(List.of("Domain-0", "web"),
                    stack.hv.vcpuSnapshot(false).domains().stream().map(d -> d.domain().name()).toList());
        }
    }

    /** The watch's event comes on the client's thread, a moment after the change. */
    private static void awaitNames(XenStack stack, List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> names;
        while (!(names = stack.hv.vcpuSnapshot(false).domains().stream().map(d -> d.domain().name()).toList())
                .equals(expected)) {
            assertTrue(System.nanoTime() < deadline, "names " + names + ", expected " + expected);
            Thread.sleep(10);
        }
    }

    @Test
    void listsInBatchesOf1024AsLibxlDoes() throws Exception {
        SimulatedHost.Builder b = SimulatedHost.builder().cpus(4);
        for (int id = 0; id < 1100; id++) {
            b.domain(id, "d" + id, new UUID(1, id), 1, 1);
        }
        try (XenStack stack = XenStack.on(b.build(), Backend.HYPERCALL, Backend.XENSTORE)) {
            VcpuSnapshot snapshot = stack.hv.vcpuSnapshot(false);
            assertEquals(1100, snapshot.domains().size());
            assertEquals("d1099", snapshot.domains().getLast().domain().name());
            assertEquals(2, stack.privcmd.calls(Operation.SYSCTL_GETDOMAININFOLIST));
        }
    }

    @Test
    void aDomainDestroyedDuringThePassIsLeftOut() throws Exception {
        try (XenStack stack = XenStack.all()) {
            // Domain-0's first getvcpuinfo answers as for a domain that is gone.
            stack.privcmd.fail(Operation.DOMCTL_GETVCPUINFO, Errno.ESRCH.number(), 1);
            VcpuSnapshot snapshot = stack.hv.vcpuSnapshot(false);
            assertEquals(List.of("demo"), snapshot.domains().stream().map(d -> d.domain().name()).toList());
            assertEquals(0, stack.xend.requests().size(), "a domain gone is an answer, not a reason to ask xend");
        }
    }

    @Test
    void anyOtherRefusalIsTheCallersError() throws Exception {
        try (XenStack stack = XenStack.with(Backend.HYPERCALL, Backend.XENSTORE)) {
            stack.privcmd.fail(Operation.DOMCTL_GETVCPUINFO, Errno.EPERM.number());
            JxenException e = assertThrows(JxenException.class, () -> stack.hv.vcpuSnapshot(false));
            assertEquals(ErrorCode.OPERATION_DENIED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("Domain-0"), e.getMessage());
        }
    }

    @Test
    void throughXendOneListThenOneVcpuinfoPerDomain() throws Exception {
        try (XenStack stack = XenStack.with(Backend.XEND)) {
            VcpuSnapshot snapshot = stack.hv.vcpuSnapshot(true);
            assertEquals(List.of("Domain-0", "demo"), snapshot.domains().stream().map(d -> d.domain().name()).toList());
            DomainVcpus demo = snapshot.domains().get(1);
            assertEquals(List.of(VcpuState.RUNNING, VcpuState.BLOCKED, VcpuState.OFFLINE, VcpuState.OFFLINE),
                    demo.vcpus().stream().map(VcpuSample::state).toList());
            assertEquals(Optional.of(CpuMap.range(0, 15)), demo.vcpus().getFirst().hardAffinity());
            long vcpuinfo = stack.xend.requests().stream().filter(r -> r.target().contains("op=vcpuinfo")).count();
            assertEquals(2, vcpuinfo, stack.xend.requests().toString());
            assertTrue(stack.hv.vcpuSnapshot(false).domains().getFirst().vcpus().getFirst().hardAffinity().isEmpty());
        }
    }

    @Test
    void utilizationFollowsTheLoadTheSimulatedVcpusRunAt() throws Exception {
        try (XenStack stack = XenStack.all()) {
            SimDomain demo = stack.host.domain(1).orElseThrow();
            demo.vcpu(0).setLoad(50);
            demo.vcpu(1).setLoad(0);
            SimDomain dom0 = stack.host.domain(0).orElseThrow();
            dom0.vcpus().forEach(v -> v.setLoad(100));
            VcpuSnapshot first = stack.hv.vcpuSnapshot(false);
            Thread.sleep(1000);
            List<DomainUsage> usage = stack.hv.vcpuSnapshot(false).usageSince(first);
            DomainUsage d = usage.get(1);
            // The host's clock is the JVM's; each vCPU is read some microseconds after its domain's
            // instant, more when a loaded machine deschedules the thread between the two: 50 ms of
            // that in a 1 s interval is 5 % of the figure.
            assertEquals(50, d.vcpus().get(0).percent().getAsDouble(), 5);
            assertEquals(0, d.vcpus().get(1).percent().getAsDouble(), 0.0, "an idle vCPU uses nothing");
            assertTrue(d.vcpus().get(2).percent().isEmpty(), "offline");
            assertEquals(50, d.percent().getAsDouble(), 5);
            assertEquals(400, usage.getFirst().percent().getAsDouble(), 25, "four busy vCPUs");
        }
    }
}
