package org.jxen.libvirt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jxen.libvirt.VirAssertions.assertFailed;

import java.util.Arrays;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The checks libvirt's public layer makes, before any host is involved: the facade runs over a
 * hypervisor that fails the test when touched, and a null domain (Domain-0) would touch it.
 */
class ArgumentChecksTest {

    private final Libvirt virt = Libvirt.of(new UnreachableHost());

    @AfterEach
    void forgetErrors() {
        Libvirt.virResetLastError();
    }

    @Test
    void setVcpusRejectsZeroWithLibvirtsMessage() {
        assertFailed(virt.virDomainSetVcpus(null, 0), ErrorCode.INVALID_ARG, "nvcpus in virDomainSetVcpus must not be zero");
    }

    @Test
    void setVcpusRejectsNegativeCountsAsCsUnsignedInt() {
        assertFailed(virt.virDomainSetVcpus(null, -1), ErrorCode.INVALID_ARG, "nvcpus -1", "4294967295", "1 to the domain's maximum");
        assertFailed(virt.virDomainSetVcpus(null, Integer.MIN_VALUE), ErrorCode.INVALID_ARG, "-2147483648", "2147483648 as C's");
    }

    @Test
    void pinVcpuRejectsANegativeVcpu() {
        assertFailed(virt.virDomainPinVcpu(null, -1, new byte[] {1}, 1), ErrorCode.INVALID_ARG, "vcpu -1", "4294967295");
    }

    @Test
    void pinVcpuRejectsANullMap() {
        assertFailed(virt.virDomainPinVcpu(null, 0, null, 1), ErrorCode.INVALID_ARG, "cpumap in virDomainPinVcpu must not be NULL");
    }

    @Test
    void pinVcpuRejectsAMaplenBelowOne() {
        assertFailed(virt.virDomainPinVcpu(null, 0, new byte[] {1}, 0), ErrorCode.INVALID_ARG, "maplen in virDomainPinVcpu must be greater than zero");
        assertFailed(virt.virDomainPinVcpu(null, 0, new byte[] {1}, -3), ErrorCode.INVALID_ARG, "greater than zero, not -3");
    }

    @Test
    void pinVcpuRejectsAMaplenPastTheArray() {
        assertFailed(virt.virDomainPinVcpu(null, 0, new byte[] {1, 0}, 3), ErrorCode.INVALID_ARG, "2 bytes", "maplen 3");
    }

    @Test
    void aNullHypervisorIsInvalidArgNamingIt() {
        JxenException e = assertThrows(JxenException.class, () -> Libvirt.of(null));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertTrue(e.getMessage().contains("hypervisor"), e.getMessage());
    }

    @Test
    void nodeGetInfoRejectsANullInfo() {
        assertFailed(virt.virNodeGetInfo(null), ErrorCode.INVALID_ARG, "info in virNodeGetInfo must not be NULL");
    }

    @Test
    void getVcpusRejectsANullInfo() {
        assertFailed(virt.virDomainGetVcpus(null, null, 4, null, 0), ErrorCode.INVALID_ARG, "info in virDomainGetVcpus must not be NULL");
    }

    @Test
    void getVcpusRejectsAMaxinfoBelowOne() {
        assertFailed(virt.virDomainGetVcpus(null, new VirVcpuInfo[4], 0, null, 0), ErrorCode.INVALID_ARG, "maxinfo", "greater than zero, not 0");
        assertFailed(virt.virDomainGetVcpus(null, new VirVcpuInfo[4], -1, null, 0), ErrorCode.INVALID_ARG, "maxinfo", "not -1");
    }

    @Test
    void getVcpusRejectsAnInfoArrayShorterThanMaxinfo() {
        assertFailed(virt.virDomainGetVcpus(null, new VirVcpuInfo[2], 3, null, 0), ErrorCode.INVALID_ARG, "2 entries", "maxinfo 3");
    }

    @Test
    void getVcpusWithoutCpumapsWantsMaplenZero() {
        assertFailed(virt.virDomainGetVcpus(null, new VirVcpuInfo[4], 4, null, 2), ErrorCode.INVALID_ARG, "maplen in virDomainGetVcpus must be zero");
    }

    @Test
    void getVcpusWithCpumapsWantsMaplenAboveZero() {
        assertFailed(virt.virDomainGetVcpus(null, new VirVcpuInfo[4], 4, new byte[8], 0), ErrorCode.INVALID_ARG, "maplen in virDomainGetVcpus must be greater than zero");
        assertFailed(virt.virDomainGetVcpus(null, new VirVcpuInfo[4], 4, new byte[8], -2), ErrorCode.INVALID_ARG, "not -2");
    }

    @Test
    void getVcpusReportsOverflowOfMaxinfoTimesMaplen() {
        // 65536 * 32768 = 2^31, one past int's range; libvirt's message, with both numbers.
        assertFailed(virt.virDomainGetVcpus(null, new VirVcpuInfo[65536], 65536, new byte[1], 32768), ErrorCode.OVERFLOW,
                "input too large: 65536 * 32768");
    }

    @Test
    void getVcpusAcceptsTheLargestProductThatFitsAnInt() {
        // 65536 * 32767 fits an int: no OVERFLOW, the next check (cpumaps too short) answers.
        assertFailed(virt.virDomainGetVcpus(null, new VirVcpuInfo[65536], 65536, new byte[1], 32767), ErrorCode.INVALID_ARG,
                "2147418112");
    }

    @Test
    void getVcpusRejectsCpumapsShorterThanMaxinfoTimesMaplen() {
        byte[] cpumaps = new byte[7];
        Arrays.fill(cpumaps, (byte) 0x5A);
        VirVcpuInfo[] info = new VirVcpuInfo[4];
        assertFailed(virt.virDomainGetVcpus(null, info, 4, cpumaps, 2), ErrorCode.INVALID_ARG, "7 bytes", "4 * 2 = 8");
        assertArrayEquals(new byte[] {0x5A, 0x5A, 0x5A, 0x5A, 0x5A, 0x5A, 0x5A}, cpumaps, "nothing written");
        assertArrayEquals(new VirVcpuInfo[4], info, "nothing written");
    }

    @Test
    void theLastErrorIsPerThread() throws InterruptedException {
        assertFailed(virt.virDomainSetVcpus(null, 0), ErrorCode.INVALID_ARG, "nvcpus");
        Object[] seenByOther = new Object[2];
        Thread other = Thread.ofPlatform().start(() -> {
            seenByOther[0] = Libvirt.virGetLastError();
            virt.virDomainGetVcpus(null, new VirVcpuInfo[65536], 65536, new byte[1], 32768);
            seenByOther[1] = Libvirt.virGetLastError().code();
        });
        other.join();
        assertArrayEquals(new Object[] {null, ErrorCode.OVERFLOW}, seenByOther,
                "the other thread starts with no error, whatever this one did, and then sees its own");
        assertFailed(-1, ErrorCode.INVALID_ARG, "nvcpus"); // this thread's error survived the other's failure
    }

    @Test
    void eachCallReplacesTheLastErrorAndResetForgetsIt() {
        assertFailed(virt.virDomainSetVcpus(null, 0), ErrorCode.INVALID_ARG, "nvcpus");
        assertFailed(virt.virDomainGetVcpus(null, new VirVcpuInfo[65536], 65536, new byte[1], 32768), ErrorCode.OVERFLOW);
        Libvirt.virResetLastError();
        assertNull(Libvirt.virGetLastError());
    }
}
