package org.jxen.libvirtjava;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jxen.libvirtjava.SimulatedConnect.assertFails;

import java.util.Arrays;
import java.util.BitSet;
import java.util.UUID;
import org.jxen.CpuMap;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.libvirtjava.VcpuInfo.VcpuState;
import org.jxen.testfixtures.host.SimVcpu;
import org.jxen.testfixtures.host.SimulatedHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** getVcpusInfo, getVcpusCpuMaps, getMaxVcpus and setVcpus, each compared with the simulated host. */
class VcpusTest {

    private SimulatedConnect c = SimulatedConnect.defaultHost();

    VcpusTest() throws LibvirtException {
    }

    @AfterEach
    void close() {
        c.close();
    }

    @Test
    void vcpusInfoAgreesWithTheHost() throws LibvirtException {
        c.vcpu("demo", 1).setBlocked(true);
        long before = c.vcpu("demo", 0).cpuTimeNs();
        VcpuInfo[] info = c.domain("demo").getVcpusInfo();
        long after = c.vcpu("demo", 0).cpuTimeNs();

        assertEquals(c.host.domain("demo").orElseThrow().maxVcpus(), info.length);
        for (VcpuInfo v : info) {
            SimVcpu host = c.vcpu("demo", v.number);
            VcpuState expected = !host.online() ? VcpuState.VIR_VCPU_OFFLINE
                    : host.blocked() ? VcpuState.VIR_VCPU_BLOCKED : VcpuState.VIR_VCPU_RUNNING;
            assertEquals(expected, v.state, "vCPU " + v.number);
            assertEquals(host.online() ? host.pcpu() : -1, v.cpu, "vCPU " + v.number);
        }
        assertEquals(VcpuState.VIR_VCPU_BLOCKED, info[1].state, "the state set on the host");
        assertEquals(VcpuState.VIR_VCPU_OFFLINE, info[3].state);
        assertTrue(before <= info[0].cpuTime && info[0].cpuTime <= after, "cpu time read between two host readings");
        assertEquals(c.vcpu("demo", 3).cpuTimeNs(), info[3].cpuTime, "an offline vCPU's time stands still");
    }

    @Test
    void cpuMapsAgreeWithTheHostsHardAffinities() throws LibvirtException {
        Domain demo = c.domain("demo");
        demo.pinVcpu(1, new int[] {0x00, 0x81});
        assertArrayEquals(hostMaps("demo", 2), demo.getVcpusCpuMaps());
    }

    @Test
    void cpuMapsAreSizedFromTheHostsMapNotLibvirtJavasMaxCpus() throws LibvirtException {
        c.close();
        // 16 CPU numbers, 8 online: libvirt-java's maxCpus() is 8 (one byte), the host's map two.
        c = SimulatedConnect.of(SimulatedHost.builder().cpus(16).onlineCpus(8)
                .domain(0, "Domain-0", new UUID(0, 0), 2, 2)
                .build());
        NodeInfo node = c.connect.nodeInfo();
        assertEquals(8, node.maxCpus());
        assertEquals(c.host.hostCpus(), node.hostCpus());
        Domain dom0 = c.domain("Domain-0");
        dom0.pinVcpu(0, new int[] {0x01, 0x02}); // CPU 9 is offline; Xen keeps the request
        int[] maps = dom0.getVcpusCpuMaps();
        assertEquals(2 * 2, maps.length, "2 vCPUs x 2 bytes");
        assertArrayEquals(hostMaps("Domain-0", 2), maps);
    }

    /** The host's hard affinities in libvirt's byte form: BitSet's bytes are little-endian, as libvirt's. */
    private int[] hostMaps(String domain, int maplen) {
        int vcpus = c.host.domain(domain).orElseThrow().maxVcpus();
        int[] maps = new int[vcpus * maplen];
        for (int v = 0; v < vcpus; v++) {
            byte[] bytes = Arrays.copyOf(c.vcpu(domain, v).hardAffinity().toByteArray(), maplen);
            for (int i = 0; i < maplen; i++) {
                maps[v * maplen + i] = bytes[i] & 0xFF;
            }
        }
        return maps;
    }

    @Test
    void maxVcpusIsTheHosts() throws LibvirtException {
        assertEquals(c.host.domain("demo").orElseThrow().maxVcpus(), c.domain("demo").getMaxVcpus());
    }

    @Test
    void setVcpusBringsVcpusUpAndDownOnTheHost() throws LibvirtException {
        Domain demo = c.domain("demo");
        demo.setVcpus(3);
        assertEquals(3, c.host.domain("demo").orElseThrow().onlineVcpus());
        assertTrue(c.vcpu("demo", 2).online());
        demo.setVcpus(1);
        assertEquals(1, c.host.domain("demo").orElseThrow().onlineVcpus());
        assertFalse(c.vcpu("demo", 1).online());
    }

    @Test
    void setVcpusOutOfRangeNamesTheValueAndTheRangeAndChangesNothing() throws LibvirtException {
        Domain demo = c.domain("demo");
        assertFails(ErrorCode.INVALID_ARG, () -> demo.setVcpus(5), "5", "1-4");
        assertFails(ErrorCode.INVALID_ARG, () -> demo.setVcpus(0), "0", "1-4");
        assertEquals(2, c.host.domain("demo").orElseThrow().onlineVcpus());
    }

    @Test
    void aDomainDestroyedAfterLookupIsNoDomain() throws LibvirtException {
        Domain demo = c.domain("demo");
        c.host.destroyDomain(1);
        assertFails(ErrorCode.NO_DOMAIN, demo::getVcpusInfo);
        assertFails(ErrorCode.NO_DOMAIN, () -> demo.setVcpus(2));
    }

    @Test
    void cpuMapLengthIsLibvirtJavasRule() throws LibvirtException {
        Domain demo = c.domain("demo");
        assertArrayEquals(new int[] {0, 1, 1, 2, 3}, new int[] {demo.cpuMapLength(0), demo.cpuMapLength(1),
            demo.cpuMapLength(8), demo.cpuMapLength(9), demo.cpuMapLength(17)});
        JxenException e = assertThrows(JxenException.class, () -> demo.cpuMapLength(-1));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void statesKeepLibvirtsOrder() {
        assertArrayEquals(new VcpuState[] {VcpuState.VIR_VCPU_OFFLINE, VcpuState.VIR_VCPU_RUNNING, VcpuState.VIR_VCPU_BLOCKED},
                VcpuState.values());
    }

    @Test
    void theJxenDomainUnderneathIsTheSameDomain() throws LibvirtException {
        Domain demo = c.domain("demo");
        BitSet cpus = new BitSet();
        cpus.set(4);
        demo.getJxenDomain().pinVcpuSoft(0, CpuMap.ofCpus(4));
        assertEquals(cpus, c.vcpu("demo", 0).softAffinity());
    }
}
