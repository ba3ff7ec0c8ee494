package org.jxen.libvirt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.jxen.libvirt.Libvirt.VIR_COPY_CPUMAP;
import static org.jxen.libvirt.Libvirt.VIR_UNUSE_CPU;
import static org.jxen.libvirt.SimulatedConnection.cpuRange;
import static org.jxen.libvirt.SimulatedConnection.cpus;
import static org.jxen.libvirt.VirAssertions.assertFailed;
import static org.jxen.libvirt.VirAssertions.assertSucceeded;

import java.util.BitSet;
import java.util.UUID;
import org.jxen.Domain;
import org.jxen.ErrorCode;
import org.jxen.testfixtures.host.SimulatedHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * virDomainPinVcpu over the real driver stack; every affinity is read back from the simulated
 * host. On the default host (16 pCPUs) every vCPU starts with CPUs 0-15.
 */
class PinVcpuTest {

    private static final BitSet ALL_16 = cpuRange(0, 15);

    private SimulatedConnection c = SimulatedConnection.defaultHost();

    @AfterEach
    void close() {
        c.close();
        Libvirt.virResetLastError();
    }

    @Test
    void theSeedExampleCopyUnuseAndPinChangesExactlyOneCpu() {
        Domain demo = c.domain("demo");
        int maplen = 2;
        byte[] cpumaps = new byte[4 * maplen];
        assertSucceeded(4, c.virt.virDomainGetVcpus(demo, new VirVcpuInfo[4], 4, cpumaps, maplen));

        byte[] cpumap = new byte[maplen];
        VIR_COPY_CPUMAP(cpumaps, maplen, 1, cpumap);
        VIR_UNUSE_CPU(cpumap, 5);
        assertSucceeded(0, c.virt.virDomainPinVcpu(demo, 1, cpumap, maplen));

        BitSet expected = cpuRange(0, 15);
        expected.clear(5);
        assertEquals(expected, c.vcpu("demo", 1).hardAffinity());
        assertEquals(ALL_16, c.vcpu("demo", 0).hardAffinity(), "other vCPUs keep theirs");
        assertSucceeded(4, c.virt.virDomainGetVcpus(demo, new VirVcpuInfo[4], 4, cpumaps, maplen));
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xDF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
                cpumaps, "read back through the facade");
    }

    @Test
    void maplenShorterThanTheHostsMapLeavesTheMissingCpusOut() {
        // byte 1 would add CPUs 8-15, but maplen says the map is one byte long
        assertSucceeded(0, c.virt.virDomainPinVcpu(c.domain("demo"), 0, new byte[] {0x0C, (byte) 0xFF}, 1));
        assertEquals(cpus(2, 3), c.vcpu("demo", 0).hardAffinity());
    }

    @Test
    void maplenLongerThanTheHostsMapFailsAndChangesNothing() {
        assertFailed(c.virt.virDomainPinVcpu(c.domain("demo"), 0, new byte[] {0x01, 0x00, 0x00}, 3), ErrorCode.INVALID_ARG,
                "maplen 3", "1-2");
        assertEquals(ALL_16, c.vcpu("demo", 0).hardAffinity());
    }

    @Test
    void aMapWithNoCpuFailsAndChangesNothing() {
        assertFailed(c.virt.virDomainPinVcpu(c.domain("demo"), 0, new byte[2], 2), ErrorCode.INVALID_ARG, "no CPU");
        assertEquals(ALL_16, c.vcpu("demo", 0).hardAffinity());
    }

    @Test
    void aCpuBeyondTheHostFailsAndChangesNothing() {
        c.close();
        // 12 pCPUs: the host's map is 2 bytes, of which CPUs 12-15 do not exist
        c = SimulatedConnection.of(SimulatedHost.builder().cpus(12)
                .domain(0, "Domain-0", new UUID(0, 0), 2, 2)
                .domain(5, "guest", new UUID(0, 5), 2, 2)
                .build());
        assertFailed(c.virt.virDomainPinVcpu(c.domain("guest"), 1, new byte[] {0x01, 0x10}, 2), ErrorCode.INVALID_ARG,
                "CPU 12", "0-11");
        assertEquals(cpuRange(0, 11), c.vcpu("guest", 1).hardAffinity());
    }

    @Test
    void aVcpuPastTheDomainsFailsNamingTheRangeAndChangesNothing() {
        assertFailed(c.virt.virDomainPinVcpu(c.domain("demo"), 4, new byte[] {0x01, 0x00}, 2), ErrorCode.INVALID_ARG,
                "4", "0-3");
        for (int n = 0; n < 4; n++) {
            assertEquals(ALL_16, c.vcpu("demo", n).hardAffinity(), "vCPU " + n);
        }
    }

    @Test
    void aNullDomainPinsDomain0() {
        assertSucceeded(0, c.virt.virDomainPinVcpu(null, 2, new byte[] {0x00, (byte) 0x80}, 2));
        assertEquals(cpus(15), c.vcpu("Domain-0", 2).hardAffinity());
        assertEquals(ALL_16, c.vcpu("demo", 2).hardAffinity());
    }
}
