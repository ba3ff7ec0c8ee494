package org.jxen.testfixtures.privcmd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jxen.hypercall.Affinity;
import org.jxen.hypercall.DomainInfo;
import org.jxen.hypercall.HypercallException;
import org.jxen.hypercall.InterfaceVersions;
import org.jxen.hypercall.Operation;
import org.jxen.hypercall.PhysInfo;
import org.jxen.hypercall.VcpuAffinities;
import org.jxen.hypercall.VcpuInfo;
import org.jxen.hypercall.XenHypercalls;
import org.jxen.hypercall.XenVersion;
import org.jxen.testfixtures.host.SimVcpu;
import org.jxen.testfixtures.host.SimulatedHost;

/** Every hypercall through XenHypercalls and the fake, for every supported release and host size. */
class RoundTripTest {

    static Stream<Arguments> releases() {
        // minor, domctl, sysctl (XEN_*_INTERFACE_VERSION per release tag, docs/xen-abi.md), getvcpuinfo's errno for a bad vCPU
        return Stream.of(
                Arguments.of(16, 0x14, 0x14, "EINVAL"),
                Arguments.of(17, 0x15, 0x15, "EINVAL"),
                Arguments.of(18, 0x16, 0x15, "EINVAL"),
                Arguments.of(19, 0x17, 0x15, "EINVAL"),
                Arguments.of(20, 0x17, 0x15, "EINVAL"),
                Arguments.of(21, 0x17, 0x16, "EINVAL"),
                Arguments.of(22, 0x18, 0x16, "ENOENT"));
    }

    static Stream<Arguments> releasesAndHostSizes() {
        return releases().flatMap(r -> Stream.of(16, 4096, 65_536)
                .map(cpus -> Arguments.of(r.get()[0], cpus)));
    }

    static Stream<Arguments> releasesAndOddHostSizes() {
        // pCPUs, then as Xen's bytes (hex, byte 0 first) every CPU and the last CPU alone
        return releases().flatMap(r -> Stream.of(
                Arguments.of(r.get()[0], 1, "01", "01"),
                Arguments.of(r.get()[0], 7, "7f", "40"),
                Arguments.of(r.get()[0], 8, "ff", "80"),
                Arguments.of(r.get()[0], 9, "ff01", "0001"),
                Arguments.of(r.get()[0], 64, "ff".repeat(8), "00".repeat(7) + "80"),
                Arguments.of(r.get()[0], 65, "ff".repeat(8) + "01", "00".repeat(8) + "01"),
                Arguments.of(r.get()[0], 4096, "ff".repeat(512), "00".repeat(511) + "80")));
    }

    @ParameterizedTest(name = "Xen 4.{0}")
    @MethodSource("releases")
    void versionsAndInterfaceVersionsAreFound(int minor, int domctl, int sysctl, String badVcpu) {
        try (FakePrivcmd fake = new FakePrivcmd(Hosts.host(minor, 16))) {
            XenHypercalls xen = XenHypercalls.connect(fake);
            assertEquals(new XenVersion(4, minor, ".1"), xen.version());
            assertEquals(new InterfaceVersions(domctl, sysctl), xen.interfaceVersions());
            assertEquals(1, fake.calls(Operation.SYSCTL_PHYSINFO), "the reported release's sysctl is right first");
            assertEquals(1, fake.calls(Operation.DOMCTL_GETDOMAININFO), "the reported release's domctl is right first");
        }
    }

    @ParameterizedTest(name = "Xen 4.{0}")
    @MethodSource("releases")
    void domainsAndVcpus(int minor, int domctl, int sysctl, String badVcpu) {
        SimulatedHost host = Hosts.host(minor, 16);
        try (FakePrivcmd fake = new FakePrivcmd(host)) {
            XenHypercalls xen = XenHypercalls.connect(fake);

            PhysInfo phys = xen.physInfo();
            assertEquals(16, phys.nrCpus());
            assertEquals(15, phys.maxCpuId());
            assertEquals(2, phys.cpumapBytes());

            List<DomainInfo> all = xen.domainInfoList(0, 10);
            assertEquals(List.of(0, 3, 7), all.stream().map(DomainInfo::domain).toList());
            assertEquals(List.of(Hosts.DOM0, Hosts.GUEST, Hosts.OTHER), all.stream().map(DomainInfo::handle).toList());
            assertEquals(List.of(7), xen.domainInfoList(4, 10).stream().map(DomainInfo::domain).toList());
            assertEquals(List.of(0), xen.domainInfoList(0, 1).stream().map(DomainInfo::domain).toList());

            DomainInfo guest = xen.domainInfo(3);
            assertEquals(3, guest.domain());
            assertEquals(Hosts.GUEST, guest.handle());
            assertEquals(2, guest.nrOnlineVcpus());
            assertEquals(3, guest.maxVcpuId());
            assertTrue(guest.running(), "vCPU 0 runs");
            assertFalse(guest.blocked(), "not every online vCPU is blocked");

            HypercallException gone = assertThrows(HypercallException.class, () -> xen.domainInfo(5));
            assertEquals("ESRCH", gone.errnoName());
            assertEquals(5, gone.domain().orElseThrow());

            SimVcpu v1 = host.domain(3).orElseThrow().vcpu(1);
            VcpuInfo info = xen.vcpuInfo(3, 1);
            assertEquals(new VcpuInfo(1, true, true, false, info.cpuTimeNs(), v1.pcpu()), info);
            assertTrue(info.cpuTimeNs() >= 0 && info.cpuTimeNs() <= v1.cpuTimeNs());
            VcpuInfo offline = xen.vcpuInfo(3, 3);
            assertFalse(offline.online());
            assertEquals(host.domain(3).orElseThrow().vcpu(3).pcpu(), offline.cpu());

            HypercallException bad = assertThrows(HypercallException.class, () -> xen.vcpuInfo(3, 4));
            assertEquals(badVcpu, bad.errnoName());
            assertEquals(Operation.DOMCTL_GETVCPUINFO, bad.operation());
            assertEquals(4, bad.vcpu().orElseThrow());

            xen.maxVcpus(3, 4);
            assertEquals("EINVAL", assertThrows(HypercallException.class, () -> xen.maxVcpus(3, 5)).errnoName());
            assertEquals("EINVAL", assertThrows(HypercallException.class, () -> xen.maxVcpus(0, 4)).errnoName(),
                    "not on the calling domain");
        }
    }

    @ParameterizedTest(name = "Xen 4.{0}, {1} pCPUs")
    @MethodSource("releasesAndHostSizes")
    void affinityRoundTrips(int minor, int cpus) {
        SimulatedHost host = Hosts.host(minor, cpus);
        try (FakePrivcmd fake = new FakePrivcmd(host)) {
            XenHypercalls xen = XenHypercalls.connect(fake);
            assertEquals(cpus / 8, xen.cpumapBytes());

            byte[] all = new byte[cpus / 8];
            java.util.Arrays.fill(all, (byte) 0xFF);
            assertArrayEquals(all, xen.vcpuAffinity(3, 0, Affinity.HARD));
            assertArrayEquals(all, xen.vcpuAffinity(3, 0, Affinity.SOFT));

            byte[] map = new byte[cpus / 8];
            map[0] = 0b0000_0110;                       // CPUs 1 and 2
            map[map.length - 1] = (byte) 0x80;          // the host's last CPU
            assertArrayEquals(map, xen.setVcpuAffinity(3, 0, Affinity.HARD, map));
            assertArrayEquals(map, xen.vcpuAffinity(3, 0, Affinity.HARD));
            BitSet expected = new BitSet();
            expected.set(1);
            expected.set(2);
            expected.set(cpus - 1);
            assertEquals(expected, host.domain(3).orElseThrow().vcpu(0).hardAffinity());

            byte[] soft = new byte[cpus / 8];
            soft[0] = 0b0000_1100;                      // CPUs 2 and 3: only 2 is in the hard map
            byte[] effective = new byte[cpus / 8];
            effective[0] = 0b0000_0100;
            assertArrayEquals(effective, xen.setVcpuAffinity(3, 0, Affinity.SOFT, soft));
            assertArrayEquals(soft, xen.vcpuAffinity(3, 0, Affinity.SOFT), "get returns the map as set");
        }
    }

    @ParameterizedTest(name = "Xen 4.{0}, {1} pCPUs")
    @MethodSource("releasesAndOddHostSizes")
    void bothAffinitiesInOneDomctl(int minor, int cpus, String everyCpu, String lastCpu) {
        SimulatedHost host = Hosts.host(minor, cpus);
        try (FakePrivcmd fake = new FakePrivcmd(host)) {
            XenHypercalls xen = XenHypercalls.connect(fake);
            byte[] all = HexFormat.of().parseHex(everyCpu);
            assertEquals(all.length, xen.cpumapBytes());
            long before = fake.calls(Operation.DOMCTL_GETVCPUAFFINITY);
            assertEquals(new VcpuAffinities(all, all), xen.vcpuAffinities(3, 0));
            assertEquals(before + 1, fake.calls(Operation.DOMCTL_GETVCPUAFFINITY), "one domctl for both maps");

            // Different maps, so that each is seen to land in its own place.
            byte[] last = HexFormat.of().parseHex(lastCpu);
            byte[] first = new byte[all.length];
            first[0] = 1;
            xen.setVcpuAffinity(3, 0, Affinity.HARD, last);
            xen.setVcpuAffinity(3, 0, Affinity.SOFT, first);
            VcpuAffinities both = xen.vcpuAffinities(3, 0);
            assertEquals(new VcpuAffinities(last, first), both);
            assertArrayEquals(xen.vcpuAffinity(3, 0, Affinity.HARD), both.hard(), "as the hard map alone reads");
            assertArrayEquals(xen.vcpuAffinity(3, 0, Affinity.SOFT), both.soft(), "as the soft map alone reads");
        }
    }

    @ParameterizedTest(name = "Xen 4.{0}, {1} pCPUs")
    @MethodSource("releasesAndOddHostSizes")
    void vcpusReadsWhatTheOneVcpuCallsRead(int minor, int cpus, String everyCpu, String lastCpu) {
        SimulatedHost host = Hosts.host(minor, cpus);
        try (FakePrivcmd fake = new FakePrivcmd(host)) {
            XenHypercalls xen = XenHypercalls.connect(fake);
            byte[] last = HexFormat.of().parseHex(lastCpu);
            byte[] first = new byte[xen.cpumapBytes()];
            first[0] = 1;
            // A different map in each place, so that a map read into the wrong vCPU or slot shows.
            xen.setVcpuAffinity(3, 1, Affinity.HARD, last);
            xen.setVcpuAffinity(3, 2, Affinity.SOFT, first);
            List<VcpuInfo> infos = new ArrayList<>();
            List<VcpuAffinities> maps = new ArrayList<>();
            long before = fake.calls(Operation.DOMCTL_GETVCPUINFO) + fake.calls(Operation.DOMCTL_GETVCPUAFFINITY);

            xen.vcpus(3, 4, true, (vcpu, online, blocked, cpuTime, cpu, hard, soft) -> {
                infos.add(new VcpuInfo(vcpu, online, blocked, online && !blocked, cpuTime, cpu));
                maps.add(new VcpuAffinities(hard.clone(), soft.clone()));
            });

            assertEquals(before + 8, fake.calls(Operation.DOMCTL_GETVCPUINFO) + fake.calls(Operation.DOMCTL_GETVCPUAFFINITY),
                    "two domctls a vCPU");
            for (int i = 0; i < 4; i++) {
                VcpuInfo one = xen.vcpuInfo(3, i);
                assertEquals(one.online() ? 0 : one.cpuTimeNs(), infos.get(i).online() ? 0 : infos.get(i).cpuTimeNs(),
                        "an offline vCPU's time stands still");
                assertEquals(new VcpuInfo(i, one.online(), one.blocked(), one.running(), 0, one.cpu()),
                        new VcpuInfo(infos.get(i).vcpu(), infos.get(i).online(), infos.get(i).blocked(),
                                infos.get(i).running(), 0, infos.get(i).cpu()));
                assertEquals(xen.vcpuAffinities(3, i), maps.get(i), "vCPU " + i);
            }
            assertArrayEquals(last, maps.get(1).hard());
            assertArrayEquals(first, maps.get(2).soft());

            long infoCalls = fake.calls(Operation.DOMCTL_GETVCPUINFO);
            long affinityCalls = fake.calls(Operation.DOMCTL_GETVCPUAFFINITY);
            List<Integer> withoutMaps = new ArrayList<>();
            xen.vcpus(3, 4, false, (vcpu, online, blocked, cpuTime, cpu, hard, soft) -> {
                assertEquals(null, hard, "no map read");
                assertEquals(null, soft, "no map read");
                withoutMaps.add(vcpu);
            });
            assertEquals(List.of(0, 1, 2, 3), withoutMaps);
            assertEquals(infoCalls + 4, fake.calls(Operation.DOMCTL_GETVCPUINFO), "one getvcpuinfo a vCPU");
            assertEquals(affinityCalls, fake.calls(Operation.DOMCTL_GETVCPUAFFINITY), "and no getvcpuaffinity");
        }
    }

    @ParameterizedTest(name = "Xen 4.{0}")
    @MethodSource("releases")
    void vcpusStopsAtTheFirstFailureAndRefusesABadCount(int minor, int domctl, int sysctl, String badVcpu) {
        try (FakePrivcmd fake = new FakePrivcmd(Hosts.host(minor, 16))) {
            XenHypercalls xen = XenHypercalls.connect(fake);
            List<Integer> read = new ArrayList<>();
            HypercallException bad = assertThrows(HypercallException.class,
                    () -> xen.vcpus(3, 5, true, (vcpu, online, blocked, cpuTime, cpu, hard, soft) -> read.add(vcpu)));
            assertEquals(badVcpu, bad.errnoName());
            assertEquals(4, bad.vcpu().orElseThrow());
            assertEquals(List.of(0, 1, 2, 3), read, "the vCPUs before the failure, then nothing");

            assertEquals("ESRCH", assertThrows(HypercallException.class,
                    () -> xen.vcpus(5, 1, true, (vcpu, online, blocked, cpuTime, cpu, hard, soft) -> read.add(vcpu))).errnoName());
            Hosts.assertMentions(assertThrows(IllegalArgumentException.class,
                    () -> xen.vcpus(3, -1, true, (vcpu, online, blocked, cpuTime, cpu, hard, soft) -> read.add(vcpu))), "-1");
            assertEquals(4, read.size(), "a refused call reads nothing");
        }
    }

    @ParameterizedTest(name = "Xen 4.{0}")
    @MethodSource("releases")
    void setVcpuAffinityWritesTheEffectiveMapOverTheRequest(int minor, int domctl, int sysctl, String badVcpu) {
        SimulatedHost host = SimulatedHost.builder().xenVersion(4, minor, ".0").cpus(16).onlineCpus(8)
                .domain(0, "Domain-0", Hosts.DOM0, 2, 2).build();
        try (FakePrivcmd fake = new FakePrivcmd(host)) {
            XenHypercalls xen = XenHypercalls.connect(fake);
            byte[] map = {(byte) 0x81, (byte) 0x80}; // CPUs 0, 7, 15; 8-15 are offline
            xen.setVcpuAffinity(0, 1, Affinity.HARD, map, map);
            assertArrayEquals(new byte[] {(byte) 0x81, 0}, map, "Xen's effective map, in the request's array");
            assertArrayEquals(new byte[] {(byte) 0x81, (byte) 0x80}, xen.vcpuAffinity(0, 1, Affinity.HARD),
                    "the request is kept");
            Hosts.assertMentions(assertThrows(IllegalArgumentException.class,
                    () -> xen.setVcpuAffinity(0, 1, Affinity.HARD, map, new byte[1])), "1 bytes", "2 bytes");
        }
    }

    @ParameterizedTest(name = "Xen 4.{0}")
    @MethodSource("releases")
    void effectiveHardAffinityLeavesOutOfflinePcpus(int minor, int domctl, int sysctl, String badVcpu) {
        SimulatedHost host = SimulatedHost.builder().xenVersion(4, minor, ".0").cpus(4096).onlineCpus(1024)
                .domain(0, "Domain-0", Hosts.DOM0, 2, 2).build();
        try (FakePrivcmd fake = new FakePrivcmd(host)) {
            XenHypercalls xen = XenHypercalls.connect(fake);
            assertEquals(1024, xen.physInfo().nrCpus());
            byte[] map = new byte[512];
            map[0] = 1;
            map[511] = (byte) 0x80;
            byte[] effective = new byte[512];
            effective[0] = 1;
            assertArrayEquals(effective, xen.setVcpuAffinity(0, 1, Affinity.HARD, map));
            assertArrayEquals(map, xen.vcpuAffinity(0, 1, Affinity.HARD));
            byte[] offlineOnly = new byte[512];
            offlineOnly[200] = 1;
            assertEquals("EINVAL", assertThrows(HypercallException.class,
                    () -> xen.setVcpuAffinity(0, 1, Affinity.HARD, offlineOnly)).errnoName());
        }
    }
}
