package org.jxen.xen;

import static org.jxen.xen.XenStack.bits;
import static org.jxen.xen.XenStack.ends;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jxen.Backend;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.DomainIdentity;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.NodeInfo;
import org.jxen.VcpuCount;
import org.jxen.VcpuInfo;
import org.jxen.VcpuState;
import org.jxen.hypercall.Operation;
import org.jxen.testfixtures.host.SimVcpu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The driver with all three backends over the default simulated host. */
class DriverTest {

    private static final UUID DEMO = UUID.fromString("4dea22b3-1d52-d8f3-2516-782e98ab3fa0");

    private final XenStack stack = XenStack.all();

    @AfterEach
    void close() throws Exception {
        stack.close();
    }

    @Test
    void nodeInfoComesFromPhysinfo() {
        NodeInfo node = stack.hv.nodeInfo();
        assertEquals(16, node.cpus());
        assertEquals(15, node.maxCpuId());
        assertEquals(2, node.maplen());
        assertEquals("4.17.0", node.xenVersion());
        assertEquals(0, stack.xend.requests().size(), "xend is not asked when privcmd answers");
    }

    @Test
    void listsDomainsWithTheirNamesAndUuids() {
        assertEquals(List.of(new DomainIdentity(0, "Domain-0", new UUID(0, 0)), new DomainIdentity(1, "demo", DEMO)),
                stack.hv.listDomains());
    }

    @Test
    void looksUpByIdNameAndUuidAlike() {
        DomainIdentity demo = new DomainIdentity(1, "demo", DEMO);
        assertEquals(demo, stack.hv.domain(1).identity());
        assertEquals(demo, stack.hv.domain("demo").identity());
        assertEquals(demo, stack.hv.domain(DEMO).identity());
        assertEquals("Domain-0", stack.hv.domain0().identity().name());
    }

    @Test
    void unknownDomainsAreNoDomain() {
        assertMentions(assertCode(ErrorCode.NO_DOMAIN, () -> stack.hv.domain(7)), "id 7");
        JxenException e = assertCode(ErrorCode.NO_DOMAIN, () -> stack.hv.domain("nosuch"));
        assertMentions(e, "'nosuch'");
        assertCode(ErrorCode.NO_DOMAIN, () -> stack.hv.domain(UUID.fromString("00000000-0000-0000-0000-000000000007")));
        assertCode(ErrorCode.INVALID_ARG, () -> stack.hv.domain(0x7FF0));
        assertCode(ErrorCode.INVALID_ARG, () -> stack.hv.domain(-1));
        assertCode(ErrorCode.INVALID_ARG, () -> stack.hv.domain(" "));
        assertEquals(0, stack.xend.requests().size(), "a definite answer from Xen is not asked again of xend");
    }

    @Test
    void readsEveryVcpuWithStateTimeCpuAndAffinity() {
        List<VcpuInfo> vcpus = stack.hv.domain("demo").vcpus();
        assertEquals(4, vcpus.size());
        List<SimVcpu> sim = stack.host.domain(1).orElseThrow().vcpus();
        for (int i = 0; i < 4; i++) {
            VcpuInfo v = vcpus.get(i);
            assertEquals(i, v.number());
            SimVcpu s = sim.get(i);
            VcpuState expected = !s.online() ? VcpuState.OFFLINE : s.blocked() ? VcpuState.BLOCKED : VcpuState.RUNNING;
            assertEquals(expected, v.state(), "vCPU " + i);
            assertEquals(s.online() ? s.pcpu() : -1, v.cpu(), "vCPU " + i);
            assertEquals(CpuMap.range(0, 15), v.hardAffinity());
            assertEquals(CpuMap.range(0, 15), v.softAffinity());
            assertTrue(v.cpuTime() >= 0);
        }
        assertEquals(VcpuState.OFFLINE, vcpus.get(2).state());
        assertEquals(-1, vcpus.get(3).cpu());
    }

    @Test
    void readingVcpusCostsWhatLibxenctrlSpendsPlusTheIdentityChecks() {
        Domain demo = stack.hv.domain("demo");
        Map<Operation, Long> before = stack.hypercalls();
        demo.vcpus();
        Map<Operation, Long> after = stack.hypercalls();
        // Per vCPU getvcpuinfo and one getvcpuaffinity for both maps (as xc_vcpu_getaffinity does);
        // getdomaininfo before the loop and after it, to be sure the domain is still the same one.
        // Nothing else: no physinfo, no list, no write.
        assertEquals(Map.of(Operation.DOMCTL_GETDOMAININFO, 2L, Operation.DOMCTL_GETVCPUINFO, 4L,
                Operation.DOMCTL_GETVCPUAFFINITY, 4L), XenStack.difference(before, after));
    }

    @Test
    void vcpuCountIsOnlineOfMaximum() {
        assertEquals(new VcpuCount(2, 4), stack.hv.domain("demo").vcpuCount());
        assertEquals(new VcpuCount(4, 4), stack.hv.domain0().vcpuCount());
    }

    @Test
    void everyVcpuReadsItsOwnMapsWhetherTheyRepeatOrNot() {
        Domain demo = stack.hv.domain("demo");
        // Hard maps A, B, A, A and soft maps all, B, C, all: repeats, changes back and soft equal to hard.
        demo.pinVcpu(1, CpuMap.range(8, 11));
        demo.pinVcpuSoft(1, CpuMap.range(8, 11));
        demo.pinVcpuSoft(2, CpuMap.ofCpus(3, 15));
        List<VcpuInfo> read = demo.vcpus();
        for (int i = 0; i < 4; i++) {
            SimVcpu v = stack.host.domain(1).orElseThrow().vcpu(i);
            assertEquals(CpuMap.ofCpus(v.hardAffinity().stream().toArray()), read.get(i).hardAffinity(), "hard, vCPU " + i);
            assertEquals(CpuMap.ofCpus(v.softAffinity().stream().toArray()), read.get(i).softAffinity(), "soft, vCPU " + i);
        }
        assertEquals(CpuMap.range(8, 11), read.get(1).hardAffinity());
        assertEquals(CpuMap.all(16), read.get(2).hardAffinity());
        assertEquals(CpuMap.ofCpus(3, 15), read.get(2).softAffinity());
        assertThrows(UnsupportedOperationException.class, () -> read.set(0, read.get(1)), "the result is immutable");
    }

    @Test
    void pinsHardAndSoftAffinity() {
        Domain demo = stack.hv.domain("demo");
        demo.pinVcpu(1, CpuMap.parse("2-5,^3"));
        demo.pinVcpuSoft(1, CpuMap.ofCpus(4));
        SimVcpu v = stack.host.domain(1).orElseThrow().vcpu(1);
        assertEquals(bits(2, 4, 5), v.hardAffinity());
        assertEquals(bits(4), v.softAffinity());
        VcpuInfo read = demo.vcpus().get(1);
        assertEquals(CpuMap.ofCpus(2, 4, 5), read.hardAffinity());
        assertEquals(CpuMap.ofCpus(4), read.softAffinity());
        assertTrue(read.cpu() == 2 || read.cpu() == 4 || read.cpu() == 5, "runs inside its new affinity: " + read.cpu());
    }

    @Test
    void pinOfAnOfflineVcpuIsKeptForWhenItComesUp() {
        stack.hv.domain("demo").pinVcpu(3, CpuMap.ofCpus(15));
        assertEquals(bits(15), stack.host.domain(1).orElseThrow().vcpu(3).hardAffinity());
    }

    @Test
    void badPinsAreRefusedBeforeXenIsCalled() {
        Domain demo = stack.hv.domain("demo");
        JxenException e = assertCode(ErrorCode.INVALID_ARG, () -> demo.pinVcpu(9, CpuMap.ofCpus(1)));
        // Deliberate wording test: README and cli/README quote this message.
        assertEquals("vCPU 9 out of range 0-3 for domain demo", e.getMessage());
        assertCode(ErrorCode.INVALID_ARG, () -> demo.pinVcpu(-1, CpuMap.ofCpus(1)));
        e = assertCode(ErrorCode.INVALID_ARG, () -> demo.pinVcpu(1, CpuMap.ofCpus(3, 16)));
        assertMentions(e, "CPU 16", "0-15");
        e = assertCode(ErrorCode.INVALID_ARG, () -> demo.pinVcpu(1, CpuMap.ofCpus()));
        assertMentions(e, "vCPU 1", "domain demo", "empty", "0-15");
        assertCode(ErrorCode.INVALID_ARG, () -> demo.pinVcpuSoft(4, CpuMap.ofCpus(1)));
        assertCode(ErrorCode.INVALID_ARG, () -> demo.pinVcpu(0, null));
        assertEquals(0, stack.privcmd.calls(Operation.DOMCTL_SETVCPUAFFINITY));
        assertEquals(0, stack.xend.requests().size());
        assertEquals(bits(0, 15), ends(stack.host.domain(1).orElseThrow().vcpu(1).hardAffinity()));
    }

    @Test
    void setVcpusWritesAvailabilityForEveryVcpuInOneTransaction() {
        Domain demo = stack.hv.domain("demo");
        demo.setVcpus(3);
        assertEquals(3, stack.host.domain(1).orElseThrow().onlineVcpus());
        assertEquals(new VcpuCount(3, 4), demo.vcpuCount());
        assertEquals(List.of("online", "online", "online", "offline"), availability(1, 4));
        demo.setVcpus(1);
        assertEquals(List.of("online", "offline", "offline", "offline"), availability(1, 4));
        assertEquals(VcpuState.OFFLINE, demo.vcpus().get(1).state());
        demo.setVcpus(4);
        assertEquals(4, stack.host.domain(1).orElseThrow().onlineVcpus());
        assertEquals(0, stack.xend.requests().size());
    }

    @Test
    void setVcpusOutOfRangeChangesNothing() {
        Domain demo = stack.hv.domain("demo");
        long before = stack.xenstored.requestCount();
        JxenException e = assertCode(ErrorCode.INVALID_ARG, () -> demo.setVcpus(5));
        // Deliberate wording test: README and cli/README quote this message.
        assertEquals("vCPU count 5 out of range 1-4 for domain demo", e.getMessage());
        assertCode(ErrorCode.INVALID_ARG, () -> demo.setVcpus(0));
        assertCode(ErrorCode.INVALID_ARG, () -> demo.setVcpus(-3));
        assertCode(ErrorCode.INVALID_ARG, () -> demo.setVcpus(Integer.MIN_VALUE));
        assertEquals(before, stack.xenstored.requestCount(), "nothing sent to xenstored");
        assertEquals(2, stack.host.domain(1).orElseThrow().onlineVcpus());
        assertEquals(0, stack.xend.requests().size());
    }

    @Test
    void aGuestWithoutHotplugKeepsItsVcpusButTheRequestIsRecorded() {
        stack.host.domain(1).orElseThrow().setGuestCooperates(false);
        stack.hv.domain("demo").setVcpus(4);
        assertEquals(List.of("online", "online", "online", "online"), availability(1, 4));
        assertEquals(new VcpuCount(2, 4), stack.hv.domain("demo").vcpuCount());
    }

    @Test
    void aDestroyedDomainIsNoDomainNeverAnother() {
        Domain demo = stack.hv.domain("demo");
        stack.host.destroyDomain(1);
        for (Runnable call : List.<Runnable>of(demo::vcpus, demo::vcpuCount, () -> demo.setVcpus(1),
                () -> demo.pinVcpu(0, CpuMap.ofCpus(0)))) {
            assertMentions(assertCode(ErrorCode.NO_DOMAIN, call::run), "domain demo", "id 1");
        }
        // A new domain under the same id is a different domain.
        stack.host.createDomain(1, "demo", UUID.randomUUID(), 4, 4);
        JxenException e = assertCode(ErrorCode.NO_DOMAIN, demo::vcpus);
        assertMentions(e, "domain demo", "id 1");
        assertEquals(Optional.of(Backend.HYPERCALL), e.backend());
    }

    @Test
    void aClosedConnectionSaysSoForTheOperationAsked() {
        Domain demo = stack.hv.domain("demo");
        stack.hv.close();
        stack.hv.close();
        // Each names what the caller asked for, never an internal step such as reading the count.
        Map<String, org.junit.jupiter.api.function.Executable> calls = Map.of(
                "read the vCPUs of domain demo", demo::vcpus,
                "read the vCPU count of domain demo", demo::vcpuCount,
                "set the vCPUs of domain demo to 3", () -> demo.setVcpus(3),
                "pin vCPU 1 of domain demo", () -> demo.pinVcpu(1, CpuMap.ofCpus(2)),
                "look up domain 'demo'", () -> stack.hv.domain("demo"),
                "read the host's CPUs", stack.hv::nodeInfo,
                "read the interface versions", stack.hv::interfaceVersions);
        calls.forEach((operation, call) -> {
            JxenException e = assertCode(ErrorCode.OPERATION_INVALID, call);
            assertTrue(e.getMessage().startsWith("cannot " + operation + ": "), e.getMessage());
            assertTrue(e.getMessage().endsWith(" is closed"), e.getMessage());
        });
    }

    @Test
    void twoLookupsOfOneDomainAreEqualButNotAcrossConnections() throws Exception {
        Domain byName = stack.hv.domain("demo");
        Domain byId = stack.hv.domain(1);
        assertEquals(byName, byId);
        assertEquals(byName.hashCode(), byId.hashCode());
        assertNotEquals(byName, stack.hv.domain(0));
        try (XenStack other = XenStack.all()) {
            assertNotEquals(byName, other.hv.domain("demo"), "same domain, other connection");
        }
    }

    private List<String> availability(int domid, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new String(stack.host.xenstore().read("/local/domain/" + domid + "/cpu/" + i + "/availability")
                        .orElseThrow()))
                .toList();
    }

    /** The message names each value (the bad value, the range, the domain); wording is free to change. */
    static void assertMentions(Throwable e, String... values) {
        for (String v : values) {
            assertTrue(e.getMessage().contains(v), "'" + e.getMessage() + "' should mention '" + v + "'");
        }
    }

    static JxenException assertCode(ErrorCode code, org.junit.jupiter.api.function.Executable call) {
        JxenException e = assertThrows(JxenException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }
}
