package org.jxen.testfixtures.privcmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.jxen.hypercall.Affinity;
import org.jxen.hypercall.Errno;
import org.jxen.hypercall.HypercallException;
import org.jxen.hypercall.InterfaceVersions;
import org.jxen.hypercall.Operation;
import org.jxen.hypercall.XenHypercalls;
import org.jxen.hypercall.XenVersion;
import org.jxen.testfixtures.host.SimulatedHost;

/** Interface-version probing when XENVER_version misleads, and errors the fake is told to return. */
class ProbingAndFailuresTest {

    @Test
    void probingFindsTheInterfaceWhenTheReportedVersionIsWrong() {
        try (FakePrivcmd fake = new FakePrivcmd(Hosts.host(17, 16))) {
            fake.reportVersion(4, 22);
            XenHypercalls xen = XenHypercalls.connect(fake);
            assertEquals(new XenVersion(4, 22, ".1"), xen.version());
            assertEquals(new InterfaceVersions(0x15, 0x15), xen.interfaceVersions());
            // sysctl tried 0x16 (4.22, 4.21) then 0x15; domctl 0x18, 0x17, 0x16, then 0x15
            assertEquals(2, fake.calls(Operation.SYSCTL_PHYSINFO));
            assertEquals(4, fake.calls(Operation.DOMCTL_GETDOMAININFO));
            assertEquals(0, xen.vcpuInfo(3, 0).vcpu(), "and then works");
        }
    }

    @Test
    void anUnknownNewerReleaseIsProbedNewestFirst() {
        try (FakePrivcmd fake = new FakePrivcmd(Hosts.host(16, 16))) {
            fake.reportVersion(4, 30);
            XenHypercalls xen = XenHypercalls.connect(fake);
            assertEquals(new InterfaceVersions(0x14, 0x14), xen.interfaceVersions());
            assertEquals(2, xen.cpumapBytes());
        }
    }

    @Test
    void noAcceptedVersionIsEacces() {
        try (FakePrivcmd fake = new FakePrivcmd(Hosts.host(17, 16))) {
            fake.fail(Operation.SYSCTL_PHYSINFO, Errno.EACCES.number());
            HypercallException e = assertThrows(HypercallException.class, () -> XenHypercalls.connect(fake));
            assertEquals(Errno.EACCES.number(), e.errnoNumber());
            Hosts.assertMentions(e, "sysctl", "EACCES", "4.17.1", "[0x15, 0x14, 0x16]");
            fake.clearFailures();
            fake.fail(Operation.DOMCTL_GETDOMAININFO, Errno.EACCES.number());
            e = assertThrows(HypercallException.class, () -> XenHypercalls.connect(fake));
            Hosts.assertMentions(e, "domctl", "EACCES", "4.17.1", "[0x15, 0x16, 0x14, 0x17, 0x18]");
        }
    }

    @Test
    void domctlProbeAcceptsAnyAnswerButEacces() {
        SimulatedHost noDom0 = SimulatedHost.builder().xenVersion(4, 19, ".0").domain(5, "lonely", Hosts.GUEST, 1, 1)
                .build();
        try (FakePrivcmd fake = new FakePrivcmd(noDom0)) {
            assertEquals(0x17, XenHypercalls.connect(fake).interfaceVersions().domctl(), "ESRCH for domain 0 is an answer");
        }
    }

    @Test
    void injectedErrorsReachTheCallerWithTheirContext() {
        try (FakePrivcmd fake = new FakePrivcmd(Hosts.host(18, 16))) {
            XenHypercalls xen = XenHypercalls.connect(fake);
            fake.fail(Operation.DOMCTL_SETVCPUAFFINITY, Errno.EBUSY.number());
            HypercallException e = assertThrows(HypercallException.class,
                    () -> xen.setVcpuAffinity(3, 1, Affinity.HARD, new byte[] {1}));
            assertEquals(Operation.DOMCTL_SETVCPUAFFINITY, e.operation());
            assertEquals(OptionalInt.of(3), e.domain());
            assertEquals(OptionalInt.of(1), e.vcpu());
            assertEquals("EBUSY", e.errnoName());
            Hosts.assertMentions(e, "setvcpuaffinity", "domain 3", "vCPU 1", "EBUSY");

            fake.fail(Operation.SYSCTL_GETDOMAININFOLIST, Errno.EPERM.number());
            assertEquals("EPERM", assertThrows(HypercallException.class, () -> xen.domainInfoList(0, 4)).errnoName());
            fake.fail(Operation.XENVER_EXTRAVERSION, Errno.EFAULT.number());
            assertEquals(Operation.XENVER_EXTRAVERSION,
                    assertThrows(HypercallException.class, () -> XenHypercalls.connect(fake)).operation());
            fake.fail(Operation.DOMCTL_GETVCPUINFO, 4242);
            assertEquals("errno 4242", assertThrows(HypercallException.class, () -> xen.vcpuInfo(3, 0)).errnoName());
            fake.clearFailures();
            assertEquals(0, xen.vcpuInfo(3, 0).vcpu());
        }
    }

    @Test
    void eintrAndEagainAreRetriedABoundedNumberOfTimes() {
        try (FakePrivcmd fake = new FakePrivcmd(Hosts.host(20, 16))) {
            XenHypercalls xen = XenHypercalls.connect(fake);
            fake.fail(Operation.DOMCTL_GETVCPUINFO, Errno.EINTR.number(), 3);
            assertEquals(1, xen.vcpuInfo(3, 1).vcpu());
            assertEquals(4, fake.calls(Operation.DOMCTL_GETVCPUINFO));

            fake.fail(Operation.DOMCTL_GETVCPUINFO, Errno.EAGAIN.number());
            assertEquals("EAGAIN", assertThrows(HypercallException.class, () -> xen.vcpuInfo(3, 1)).errnoName());
            assertEquals(4 + 17, fake.calls(Operation.DOMCTL_GETVCPUINFO), "the first try and 16 retries");
        }
    }

    @Test
    void unsupportedReleasesAndDeviceOperationsAreRefused() {
        SimulatedHost old = SimulatedHost.builder().xenVersion(4, 15, ".0").build();
        assertThrows(IllegalArgumentException.class, () -> new FakePrivcmd(old));
        try (FakePrivcmd fake = new FakePrivcmd(Hosts.host(17, 16))) {
            assertThrows(IllegalArgumentException.class, () -> fake.fail(Operation.OPEN_DEVICE, 2));
            assertThrows(IllegalArgumentException.class, () -> fake.fail(Operation.DOMCTL_GETVCPUINFO, 0));
        }
    }

    @Test
    void aClosedFakeLeasesNothing() {
        FakePrivcmd fake = new FakePrivcmd(Hosts.host(17, 16));
        XenHypercalls xen = XenHypercalls.connect(fake);
        fake.close();
        assertThrows(IllegalStateException.class, () -> xen.vcpuInfo(3, 0));
    }
}
