package org.jxen.libvirtjava;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.jxen.libvirtjava.SimulatedConnect.assertFails;
import static org.jxen.libvirtjava.SimulatedConnect.cpuRange;

import java.util.Arrays;
import java.util.BitSet;
import java.util.UUID;
import org.jxen.ErrorCode;
import org.jxen.testfixtures.host.SimulatedHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Domain.pinVcpu with libvirt-java's byte-per-int maps; every affinity is read back from the
 * simulated host. On the default host (16 pCPUs, a 2-byte map) every vCPU starts with CPUs 0-15.
 */
class PinVcpuTest {

    private static final BitSet ALL_16 = cpuRange(0, 15);

    private SimulatedConnect c = SimulatedConnect.defaultHost();

    PinVcpuTest() throws LibvirtException {
    }

    @AfterEach
    void close() {
        c.close();
    }

    @Test
    void eachElementIsOneByteOfTheMap() throws LibvirtException {
        c.domain("demo").pinVcpu(1, new int[] {0x00, 0x3C});
        assertEquals(cpuRange(10, 13), c.vcpu("demo", 1).hardAffinity());
        assertEquals(ALL_16, c.vcpu("demo", 0).hardAffinity(), "other vCPUs keep theirs");
    }

    @Test
    void fifteenInElementZeroIsCpus0To3NotCpu15() throws LibvirtException {
        c.domain("demo").pinVcpu(0, new int[] {0x0F, 0});
        assertEquals(cpuRange(0, 3), c.vcpu("demo", 0).hardAffinity());
    }

    @Test
    void aMapShorterThanTheHostsLeavesTheMissingCpusOut() throws LibvirtException {
        c.domain("demo").pinVcpu(0, new int[] {0x80});
        assertEquals(cpuRange(7, 7), c.vcpu("demo", 0).hardAffinity());
    }

    @Test
    void anElementAbove255IsInvalidNamingItsIndexAndValueAndChangesNothing() throws LibvirtException {
        Domain demo = c.domain("demo");
        assertFails(ErrorCode.INVALID_ARG, () -> demo.pinVcpu(0, new int[] {0x01, 300}), "cpumap[1]", "300", "one byte per int");
        assertEquals(ALL_16, c.vcpu("demo", 0).hardAffinity());
    }

    @Test
    void aNegativeElementIsInvalidNamingItsIndexAndValue() throws LibvirtException {
        Domain demo = c.domain("demo");
        assertFails(ErrorCode.INVALID_ARG, () -> demo.pinVcpu(0, new int[] {-1, 0}), "cpumap[0]", "-1", "0-255");
        assertEquals(ALL_16, c.vcpu("demo", 0).hardAffinity());
    }

    @Test
    void aMapLongerThanTheHostsIsInvalidAndChangesNothing() throws LibvirtException {
        Domain demo = c.domain("demo");
        assertFails(ErrorCode.INVALID_ARG, () -> demo.pinVcpu(0, new int[] {0x01, 0, 0}), "maplen 3", "1-2");
        assertEquals(ALL_16, c.vcpu("demo", 0).hardAffinity());
    }

    @Test
    void anAllZeroMapIsInvalidAndChangesNothing() throws LibvirtException {
        Domain demo = c.domain("demo");
        assertFails(ErrorCode.INVALID_ARG, () -> demo.pinVcpu(0, new int[] {0, 0}), "no CPU");
        assertFails(ErrorCode.INVALID_ARG, () -> demo.pinVcpu(0, new int[0]), "maplen 0");
        assertEquals(ALL_16, c.vcpu("demo", 0).hardAffinity());
    }

    @Test
    void aCpuBeyondTheHostIsInvalidAndChangesNothing() throws LibvirtException {
        c.close();
        // 12 pCPUs: the host's map is 2 bytes, of which CPUs 12-15 do not exist
        c = SimulatedConnect.of(SimulatedHost.builder().cpus(12)
                .domain(0, "Domain-0", new UUID(0, 0), 2, 2)
                .domain(5, "guest", new UUID(0, 5), 2, 2)
                .build());
        Domain guest = c.domain("guest");
        assertFails(ErrorCode.INVALID_ARG, () -> guest.pinVcpu(1, new int[] {0x01, 0x10}), "CPU 12", "0-11");
        assertEquals(cpuRange(0, 11), c.vcpu("guest", 1).hardAffinity());
    }

    @Test
    void aVcpuPastTheDomainsIsInvalidNamingTheRange() throws LibvirtException {
        Domain demo = c.domain("demo");
        assertFails(ErrorCode.INVALID_ARG, () -> demo.pinVcpu(4, new int[] {0x01}), "4", "0-3");
        assertEquals(ALL_16, c.vcpu("demo", 3).hardAffinity());
    }

    @Test
    void aNullMapIsInvalidNamingIt() throws LibvirtException {
        Domain demo = c.domain("demo");
        assertFails(ErrorCode.INVALID_ARG, () -> demo.pinVcpu(0, null), "cpumap");
    }

    @Test
    void aMapReadBackPinsAnotherVcpuToTheSameCpus() throws LibvirtException {
        Domain demo = c.domain("demo");
        demo.pinVcpu(2, new int[] {0xA5, 0x01});
        int maplen = demo.cpuMapLength(16);
        int[] maps = demo.getVcpusCpuMaps();
        int[] vcpu2 = Arrays.copyOfRange(maps, 2 * maplen, 3 * maplen);
        assertArrayEquals(new int[] {0xA5, 0x01}, vcpu2, "0-255, not sign-extended");
        demo.pinVcpu(3, vcpu2);
        assertEquals(c.vcpu("demo", 2).hardAffinity(), c.vcpu("demo", 3).hardAffinity());
    }
}
