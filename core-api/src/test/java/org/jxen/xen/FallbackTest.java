package org.jxen.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jxen.xen.DriverTest.assertCode;
import static org.jxen.xen.XenStack.bits;
import static org.jxen.xen.XenStack.ends;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.jxen.Backend;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.JxenException;
import org.jxen.VcpuCount;
import org.jxen.VcpuInfo;
import org.jxen.hypercall.Errno;
import org.jxen.hypercall.Operation;
import org.jxen.testfixtures.xend.FakeXend;
import org.jxen.testfixtures.xend.XendRequest;
import org.jxen.testfixtures.xenstored.Misbehaviour;

/**
 * The fallback policy as the driver uses it: each backend missing, unsupported or failing in each
 * way, and who gets asked next. Only "not supported" moves on; Xen's real answers stop the chain.
 */
class FallbackTest {

    @Test
    void withoutPrivcmdXendAnswersEverything() throws Exception {
        try (XenStack stack = XenStack.with(Backend.XENSTORE, Backend.XEND)) {
            assertEquals(16, stack.hv.nodeInfo().cpus());
            assertEquals(Optional.empty(), stack.hv.interfaceVersions(), "no privcmd, no interface versions");
            assertEquals(List.of("Domain-0", "demo"), stack.hv.listDomains().stream().map(d -> d.name()).toList());
            Domain demo = stack.hv.domain("demo");
            assertEquals(1, demo.identity().id());
            assertEquals(new VcpuCount(2, 4), demo.vcpuCount());

            demo.pinVcpu(1, CpuMap.ofCpus(3, 7));
            assertEquals(bits(3, 7), stack.host.domain(1).orElseThrow().vcpu(1).hardAffinity());
            assertTrue(ops(stack.xend).contains("pincpu"), ops(stack.xend).toString());

            List<VcpuInfo> vcpus = demo.vcpus();
            assertEquals(4, vcpus.size());
            assertEquals(CpuMap.ofCpus(3, 7), vcpus.get(1).hardAffinity());
            assertEquals(-1, vcpus.get(3).cpu());

            // The count goes through xenstore; only the maximum came from xend.
            demo.setVcpus(3);
            assertEquals(3, stack.host.domain(1).orElseThrow().onlineVcpus());
            assertTrue(!ops(stack.xend).contains("set_vcpus"), ops(stack.xend).toString());
        }
    }

    @Test
    void xendAnswersLikeTheHypercalls() throws Exception {
        try (XenStack direct = XenStack.all(); XenStack legacy = XenStack.with(Backend.XEND)) {
            List<VcpuInfo> a = direct.hv.domain("demo").vcpus();
            List<VcpuInfo> b = legacy.hv.domain("demo").vcpus();
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).state(), b.get(i).state());
                assertEquals(a.get(i).cpu(), b.get(i).cpu());
                assertEquals(a.get(i).hardAffinity(), b.get(i).hardAffinity());
            }
            assertEquals(direct.hv.listDomains(), legacy.hv.listDomains());
        }
    }

    @Test
    void withoutXenstoreTheCountGoesThroughXend() throws Exception {
        try (XenStack stack = XenStack.with(Backend.HYPERCALL, Backend.XEND)) {
            // Names come from xenstore; without it xend lists the domains.
            assertEquals("demo", stack.hv.domain(1).identity().name());
            Domain demo = stack.hv.domain("demo");
            demo.setVcpus(1);
            assertEquals(1, stack.host.domain(1).orElseThrow().onlineVcpus());
            assertTrue(ops(stack.xend).contains("set_vcpus"), ops(stack.xend).toString());
        }
    }

    @Test
    void aLookupWithPrivcmdAloneBlamesTheMissingXenstoreNotTheHypercalls() throws Exception {
        try (XenStack stack = XenStack.with(Backend.HYPERCALL)) {
            JxenException e = assertCode(ErrorCode.NO_SUPPORT, () -> stack.hv.domain("demo"));
            assertTrue(e.getMessage().contains("xenstore: no xenstore client given"), e.getMessage());
            assertTrue(!e.getMessage().contains("hypercall: no xenstore"), e.getMessage());
        }
    }

    @Test
    void anUnimplementedHypercallMovesOnToXend() throws Exception {
        try (XenStack stack = XenStack.all()) {
            Domain demo = stack.hv.domain("demo");
            stack.privcmd.fail(Operation.DOMCTL_GETVCPUINFO, Errno.ENOSYS.number());
            assertEquals(4, demo.vcpus().size());
            assertTrue(ops(stack.xend).contains("vcpuinfo"), ops(stack.xend).toString());

            stack.privcmd.fail(Operation.DOMCTL_SETVCPUAFFINITY, Errno.ENOSYS.number());
            demo.pinVcpu(0, CpuMap.ofCpus(9));
            assertEquals(bits(9), stack.host.domain(1).orElseThrow().vcpu(0).hardAffinity());
        }
    }

    @Test
    void permissionDeniedStopsAtOnce() throws Exception {
        try (XenStack stack = XenStack.all()) {
            Domain demo = stack.hv.domain("demo");
            stack.privcmd.fail(Operation.DOMCTL_SETVCPUAFFINITY, Errno.EPERM.number());
            JxenException e = assertCode(ErrorCode.OPERATION_DENIED, () -> demo.pinVcpu(0, CpuMap.ofCpus(9)));
            assertEquals(Optional.of(Backend.HYPERCALL), e.backend());
            assertEquals(Optional.of("EPERM"), e.detail());
            assertTrue(e.getMessage().startsWith("cannot pin vCPU 0 of domain demo to CPUs 9: "), e.getMessage());
            assertEquals(List.of(), stack.xend.requests(), "xend must not be asked to do what Xen refused");
            assertEquals(bits(0, 15), ends(stack.host.domain(1).orElseThrow().vcpu(0).hardAffinity()));
        }
    }

    @Test
    void noSuchDomainFromXenStopsAtOnce() throws Exception {
        try (XenStack stack = XenStack.all()) {
            Domain demo = stack.hv.domain("demo");
            stack.privcmd.fail(Operation.DOMCTL_GETDOMAININFO, Errno.ESRCH.number());
            JxenException e = assertCode(ErrorCode.NO_DOMAIN, demo::vcpus);
            assertEquals(Optional.of("ESRCH"), e.detail());
            assertEquals(List.of(), stack.xend.requests());
        }
    }

    @Test
    void whenNoBackendCanTheErrorNamesEachAndWhy() throws Exception {
        try (XenStack stack = XenStack.with(Backend.HYPERCALL, Backend.XENSTORE)) {
            Domain demo = stack.hv.domain("demo");
            stack.privcmd.fail(Operation.DOMCTL_SETVCPUAFFINITY, Errno.ENOSYS.number());
            JxenException e = assertCode(ErrorCode.NO_SUPPORT, () -> demo.pinVcpu(1, CpuMap.ofCpus(2)));
            assertTrue(e.getMessage().startsWith("cannot pin vCPU 1 of domain demo to CPUs 2: no backend supports it (hypercall: "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("ENOSYS"), e.getMessage());
            assertTrue(e.getMessage().endsWith("; xend: no xend client given)"), e.getMessage());
            assertEquals(2, e.getSuppressed().length);
        }
    }

    @Test
    void softAffinityHasNoXendFallback() throws Exception {
        try (XenStack stack = XenStack.with(Backend.XENSTORE, Backend.XEND)) {
            JxenException e = assertCode(ErrorCode.NO_SUPPORT, () -> stack.hv.domain("demo").pinVcpuSoft(0, CpuMap.ofCpus(1)));
            assertTrue(e.getMessage().endsWith("(hypercall: no privcmd device given; xend: xend has no soft affinity)"),
                    e.getMessage());
            assertTrue(!ops(stack.xend).contains("pincpu"));
        }
    }

    @Test
    void xenstoreRefusalIsNotRetriedThroughXend() throws Exception {
        try (XenStack stack = XenStack.all()) {
            Domain demo = stack.hv.domain("demo");
            stack.xenstored.misbehave(new Misbehaviour.ErrorReply("EACCES"));
            JxenException e = assertCode(ErrorCode.OPERATION_DENIED, () -> demo.setVcpus(3));
            assertEquals(Optional.of(Backend.XENSTORE), e.backend());
            assertEquals(Optional.of("EACCES"), e.detail());
            assertEquals(2, stack.host.domain(1).orElseThrow().onlineVcpus());
            assertTrue(!ops(stack.xend).contains("set_vcpus"));
        }
    }

    @Test
    void conflictingTransactionsAreRetriedThenReported() throws Exception {
        try (XenStack stack = XenStack.all()) {
            Domain demo = stack.hv.domain("demo");
            stack.xenstored.misbehave(new Misbehaviour.ConflictOnCommit(2));
            demo.setVcpus(3);
            assertEquals(3, stack.host.domain(1).orElseThrow().onlineVcpus());

            // Busy nodes are a retryable answer of the host, not a reason to try xend.
            stack.xenstored.misbehave(new Misbehaviour.ConflictOnCommit(1000));
            JxenException e = assertCode(ErrorCode.RESOURCE_BUSY, () -> demo.setVcpus(1));
            assertEquals(Optional.of("EAGAIN"), e.detail());
            assertEquals(3, stack.host.domain(1).orElseThrow().onlineVcpus(), "no partial write was committed");
            assertTrue(!ops(stack.xend).contains("set_vcpus"), ops(stack.xend).toString());
        }
    }

    @Test
    void aXendThatIsGoneIsNoSupport() throws Exception {
        try (XenStack stack = XenStack.with(Backend.XEND)) {
            stack.xend.close();
            Files.deleteIfExists(stack.xend.socketPath());
            JxenException e = assertCode(ErrorCode.NO_SUPPORT, () -> stack.hv.domain("demo"));
            assertTrue(e.getMessage().contains("xend: "), e.getMessage());
        }
    }

    @Test
    void xendErrorsAreReportedWithXendsText() throws Exception {
        try (XenStack stack = XenStack.with(Backend.XEND)) {
            Domain demo = stack.hv.domain("demo");
            stack.xend.fault(FakeXend.Fault.ERROR_UNDER_200);
            JxenException e = assertCode(ErrorCode.OPERATION_FAILED, () -> demo.setVcpus(3));
            assertEquals(Optional.of(Backend.XEND), e.backend());
            assertTrue(e.detail().isPresent() && !e.detail().get().isEmpty());
            assertEquals(2, stack.host.domain(1).orElseThrow().onlineVcpus());
        }
    }

    @Test
    void aBuilderWithoutBackendsIsRefused() {
        JxenException e = assertCode(ErrorCode.NO_SUPPORT, () -> XenDriver.builder().build());
        DriverTest.assertMentions(e, "privcmd", "xenstore", "xend");
    }

    private static List<String> ops(FakeXend xend) {
        return xend.requests().stream()
                .map(XendRequest::args)
                .map(a -> a.getOrDefault("op", List.of("")).getFirst())
                .toList();
    }
}
