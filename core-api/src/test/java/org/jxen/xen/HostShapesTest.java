package org.jxen.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.jxen.xen.DriverTest.assertCode;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.jxen.Backend;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.ErrorCode;
import org.jxen.InterfaceVersions;
import org.jxen.JxenException;
import org.jxen.VcpuInfo;
import org.jxen.testfixtures.host.SimulatedHost;

/** The driver on hosts other than the default: many CPUs, every supported Xen release, many callers. */
class HostShapesTest {

    private static final UUID GUEST = UUID.fromString("11111111-2222-3333-4444-555555555555");

    @Test
    void aHostWith4096CpusPinsAndReadsItsLastCpu() throws Exception {
        SimulatedHost host = SimulatedHost.builder().cpus(4096)
                .domain(0, "Domain-0", new UUID(0, 0), 2, 2)
                .domain(5, "big", GUEST, 64, 8)
                .build();
        try (XenStack stack = XenStack.on(host, Backend.HYPERCALL, Backend.XENSTORE)) {
            assertEquals(512, stack.hv.nodeInfo().maplen());
            Domain big = stack.hv.domain("big");
            big.pinVcpu(63, CpuMap.parse("0,2048-4095"));
            BitSet expected = new BitSet();
            expected.set(0);
            expected.set(2048, 4096);
            assertEquals(expected, host.domain(5).orElseThrow().vcpu(63).hardAffinity());
            List<VcpuInfo> vcpus = big.vcpus();
            assertEquals(64, vcpus.size());
            assertEquals(CpuMap.parse("0,2048-4095"), vcpus.get(63).hardAffinity());
            assertEquals(CpuMap.range(0, 4095), vcpus.get(0).hardAffinity());
            JxenException e = assertCode(ErrorCode.INVALID_ARG, () -> big.pinVcpu(0, CpuMap.ofCpus(4096)));
            DriverTest.assertMentions(e, "CPU 4096", "0-4095");
            big.setVcpus(64);
            assertEquals(64, host.domain(5).orElseThrow().onlineVcpus());
        }
    }

    @Test
    void pinningToOfflineCpusKeepsTheRequestAndRunsOnTheOnlineOnes() throws Exception {
        try (XenStack stack = halfOnline()) {
            Domain g = stack.hv.domain("g");
            g.pinVcpu(0, CpuMap.range(2, 7));
            VcpuInfo v = g.vcpus().getFirst();
            assertEquals(CpuMap.range(2, 7), v.hardAffinity());
            assertEquals(true, v.cpu() == 2 || v.cpu() == 3, "runs on an online CPU of the map: " + v.cpu());
            // Only offline CPUs: Xen refuses, and the driver says so.
            JxenException e = assertCode(ErrorCode.INVALID_ARG, () -> g.pinVcpu(1, CpuMap.range(4, 7)));
            assertEquals(Optional.of("EINVAL"), e.detail());
        }
    }

    @Test
    void aNarrowedPinIsWarnedOfUnlessItAskedForEveryCpu() throws Exception {
        Logger logger = Logger.getLogger(XenDomain.class.getName());
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r.getLevel() + " " + new SimpleFormatter().formatMessage(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try (XenStack stack = halfOnline()) {
            Domain g = stack.hv.domain("g");
            g.pinVcpu(0, CpuMap.range(0, 3));
            g.pinVcpu(0, CpuMap.range(0, 7));
            g.pinVcpuSoft(1, CpuMap.range(0, 7));
            assertEquals(List.of(), warnings, "all online CPUs, or every CPU the host can have");
            g.pinVcpu(1, CpuMap.range(2, 7));
            assertEquals(List.of("WARNING pin vCPU 1 of domain g to CPUs 2-7: Xen uses CPUs 2-3 of the"
                    + " requested 2-7 (the others are offline)"), warnings);
            warnings.clear();
            g.pinVcpuSoft(1, CpuMap.range(0, 1)); // outside the hard affinity 2-7: Xen uses none
            assertEquals(List.of("WARNING pin vCPU 1 of domain g to CPUs 0-1 (soft affinity): Xen uses none of"
                    + " them (they are offline or outside the hard affinity)"), warnings);
        } finally {
            logger.removeHandler(handler);
        }
    }

    /** A host that can have CPUs 0-7 of which 0-3 are online, with one 2-vCPU guest "g". */
    private static XenStack halfOnline() {
        return XenStack.on(SimulatedHost.builder().cpus(8).onlineCpus(4)
                .domain(0, "Domain-0", new UUID(0, 0), 1, 1)
                .domain(1, "g", GUEST, 2, 2)
                .build(), Backend.HYPERCALL, Backend.XENSTORE);
    }

    /**
     * Each release's XEN_DOMCTL_INTERFACE_VERSION and XEN_SYSCTL_INTERFACE_VERSION, from
     * xen/include/public/domctl.h and sysctl.h at its tag (the table in docs/xen-abi.md):
     * the driver must find them by probing, not by reading a table.
     */
    @ParameterizedTest(name = "Xen 4.{0}: domctl {1}, sysctl {2}")
    @CsvSource({"16, 0x14, 0x14", "17, 0x15, 0x15", "18, 0x16, 0x15", "19, 0x17, 0x15", "20, 0x17, 0x15",
            "21, 0x17, 0x16", "22, 0x18, 0x16"})
    void theDriverFindsEachReleasesInterfaceVersions(int minor, String domctl, String sysctl) throws Exception {
        SimulatedHost host = SimulatedHost.builder().xenVersion(4, minor, ".1")
                .domain(0, "Domain-0", new UUID(0, 0), 4, 4)
                .build();
        try (XenStack stack = XenStack.on(host, Backend.HYPERCALL)) {
            assertEquals(Optional.of(new InterfaceVersions(Integer.decode(domctl), Integer.decode(sysctl))),
                    stack.hv.interfaceVersions());
        }
    }

    @ParameterizedTest(name = "Xen 4.{0}")
    @ValueSource(ints = {16, 17, 18, 19, 20, 21, 22})
    void everySupportedReleaseReadsAndPins(int minor) throws Exception {
        SimulatedHost host = SimulatedHost.builder().xenVersion(4, minor, ".1")
                .domain(0, "Domain-0", new UUID(0, 0), 4, 4)
                .domain(3, "g", GUEST, 4, 2)
                .build();
        try (XenStack stack = XenStack.on(host, Backend.HYPERCALL, Backend.XENSTORE)) {
            assertEquals("4." + minor + ".1", stack.hv.nodeInfo().xenVersion());
            Domain g = stack.hv.domain(GUEST);
            g.pinVcpu(2, CpuMap.ofCpus(5));
            g.pinVcpuSoft(2, CpuMap.ofCpus(5));
            VcpuInfo v = g.vcpus().get(2);
            assertEquals(CpuMap.ofCpus(5), v.hardAffinity());
            assertEquals(CpuMap.ofCpus(5), v.softAffinity());
            g.setVcpus(4);
            assertEquals(4, g.vcpuCount().current());
            // 4.17 and older answer getdomaininfo for the next domain when asked for a gone one.
            assertCode(ErrorCode.NO_DOMAIN, () -> stack.hv.domain(2));
        }
    }

    @Test
    void concurrentCallersEachGetTheirOwnAnswer() throws Exception {
        SimulatedHost host = SimulatedHost.builder().cpus(64)
                .domain(0, "Domain-0", new UUID(0, 0), 16, 16)
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (XenStack stack = XenStack.on(host, Backend.HYPERCALL, Backend.XENSTORE)) {
            Domain dom0 = stack.hv.domain0();
            List<Callable<Void>> jobs = IntStream.range(0, 16).<Callable<Void>>mapToObj(vcpu -> () -> {
                for (int round = 0; round < 50; round++) {
                    CpuMap map = CpuMap.ofCpus(vcpu, 16 + vcpu + round % 32);
                    dom0.pinVcpu(vcpu, map);
                    assertEquals(map, dom0.vcpus().get(vcpu).hardAffinity(), "vCPU " + vcpu + " round " + round);
                }
                return null;
            }).toList();
            for (Future<Void> f : pool.invokeAll(jobs)) {
                f.get();
            }
            for (int vcpu = 0; vcpu < 16; vcpu++) {
                BitSet last = new BitSet();
                last.set(vcpu);
                last.set(16 + vcpu + 49 % 32);
                assertEquals(last, host.domain(0).orElseThrow().vcpu(vcpu).hardAffinity());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
