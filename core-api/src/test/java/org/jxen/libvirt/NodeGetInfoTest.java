package org.jxen.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jxen.libvirt.Libvirt.VIR_CPU_MAPLEN;
import static org.jxen.libvirt.Libvirt.VIR_NODEINFO_MAXCPUS;
import static org.jxen.libvirt.SimulatedConnection.cpus;
import static org.jxen.libvirt.VirAssertions.assertSucceeded;

import java.util.UUID;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.testfixtures.host.SimulatedHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * virNodeGetInfo and VIR_NODEINFO_MAXCPUS over the real driver stack, on a host whose CPU numbers
 * go past its online CPUs: 16 CPU numbers (max_cpu_id 15), 12 online. The simulated physinfo
 * reports one node, one socket, every online CPU a core of one thread, 2,400 MHz and 2^22 pages.
 */
class NodeGetInfoTest {

    private final SimulatedHost host = SimulatedHost.builder().cpus(16).onlineCpus(12)
            .domain(0, "Domain-0", new UUID(0, 0), 2, 2)
            .build();
    private final SimulatedConnection c = SimulatedConnection.of(host);

    @AfterEach
    void close() {
        c.close();
        Libvirt.virResetLastError();
    }

    @Test
    void fillsTheStructFromTheHostsPhysinfo() {
        VirNodeInfo info = new VirNodeInfo();
        assertSucceeded(0, c.virt.virNodeGetInfo(info));
        assertEquals(host.onlineCpus(), info.cpus());
        assertEquals(1, info.nodes());
        assertEquals(1, info.sockets());
        assertEquals(host.onlineCpus(), info.cores());
        assertEquals(1, info.threads());
        assertEquals(2400, info.mhz());
        assertEquals((1L << 22) * 4, info.memory(), "4 KiB pages");
        assertEquals("", info.model(), "Xen reports no model");
    }

    @Test
    void maxCpusIsTheTopologysProductWhichMayBeBelowTheHostsCpuNumbers() {
        VirNodeInfo info = new VirNodeInfo();
        assertSucceeded(0, c.virt.virNodeGetInfo(info));
        assertEquals(12, VIR_NODEINFO_MAXCPUS(info));
        assertEquals(16, host.hostCpus(), "the host's map has 16 CPU numbers");
    }

    @Test
    void aMaplenSizedAsCCallersDoPinsTheCpusItCovers() {
        VirNodeInfo info = new VirNodeInfo();
        assertSucceeded(0, c.virt.virNodeGetInfo(info));
        int maplen = VIR_CPU_MAPLEN(VIR_NODEINFO_MAXCPUS(info));
        byte[] cpumap = new byte[maplen];
        Libvirt.VIR_USE_CPU(cpumap, 9);
        assertSucceeded(0, c.virt.virDomainPinVcpu(null, 1, cpumap, maplen));
        assertEquals(cpus(9), c.vcpu("Domain-0", 1).hardAffinity());
    }

    @Test
    void maxCpusOfNullIsInvalidArg() {
        JxenException e = assertThrows(JxenException.class, () -> VIR_NODEINFO_MAXCPUS(null));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertTrue(e.getMessage().contains("nodeinfo"), e.getMessage());
    }
}
