package org.jxen.libvirt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jxen.libvirt.Libvirt.VIR_COPY_CPUMAP;
import static org.jxen.libvirt.Libvirt.VIR_CPU_MAPLEN;
import static org.jxen.libvirt.Libvirt.VIR_CPU_USABLE;
import static org.jxen.libvirt.Libvirt.VIR_CPU_USED;
import static org.jxen.libvirt.Libvirt.VIR_GET_CPUMAP;
import static org.jxen.libvirt.Libvirt.VIR_UNUSE_CPU;
import static org.jxen.libvirt.Libvirt.VIR_USE_CPU;
import static org.jxen.libvirt.Libvirt.VIR_VCPU_BLOCKED;
import static org.jxen.libvirt.Libvirt.VIR_VCPU_OFFLINE;
import static org.jxen.libvirt.Libvirt.VIR_VCPU_RUNNING;

import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.VcpuState;
import org.junit.jupiter.api.Test;

/** The VIR_* macros under their C names, against byte arrays written out by hand. */
class MacrosTest {

    @Test
    void maplenIsBytesForThatManyCpus() {
        assertEquals(0, VIR_CPU_MAPLEN(0));
        assertEquals(1, VIR_CPU_MAPLEN(1));
        assertEquals(1, VIR_CPU_MAPLEN(8));
        assertEquals(2, VIR_CPU_MAPLEN(9));
        assertEquals(512, VIR_CPU_MAPLEN(4096));
        assertEquals(268435456, VIR_CPU_MAPLEN(Integer.MAX_VALUE), "(cpu + 7) / 8 without int overflow");
    }

    @Test
    void useSetsTheBitOfTheCpuInItsByte() {
        byte[] map = new byte[2];
        VIR_USE_CPU(map, 9);
        assertArrayEquals(new byte[] {0x00, 0x02}, map, "CPU 9 is bit 1 of byte 1");
        VIR_USE_CPU(map, 0);
        VIR_USE_CPU(map, 7);
        assertArrayEquals(new byte[] {(byte) 0x81, 0x02}, map);
    }

    @Test
    void unuseClearsOnlyThatBit() {
        byte[] map = {(byte) 0xFF, (byte) 0xFF};
        VIR_UNUSE_CPU(map, 5);
        VIR_UNUSE_CPU(map, 15);
        assertArrayEquals(new byte[] {(byte) 0xDF, 0x7F}, map);
    }

    @Test
    void usedReadsOneBit() {
        byte[] map = {0x00, 0x02};
        assertTrue(VIR_CPU_USED(map, 9));
        assertFalse(VIR_CPU_USED(map, 8));
        assertFalse(VIR_CPU_USED(map, 1));
    }

    @Test
    void usableReadsOneVcpusMapInCpumaps() {
        // three vCPUs, maplen 2: vCPU 0 = {0}, vCPU 1 = {9}, vCPU 2 = {15}
        byte[] cpumaps = {0x01, 0x00, 0x00, 0x02, 0x00, (byte) 0x80};
        assertTrue(VIR_CPU_USABLE(cpumaps, 2, 0, 0));
        assertTrue(VIR_CPU_USABLE(cpumaps, 2, 1, 9));
        assertFalse(VIR_CPU_USABLE(cpumaps, 2, 1, 1), "vCPU 1's byte 0 is clear");
        assertTrue(VIR_CPU_USABLE(cpumaps, 2, 2, 15));
        assertFalse(VIR_CPU_USABLE(cpumaps, 2, 2, 0));
    }

    @Test
    void getCpumapIsTheOffsetOfOneVcpusMap() {
        byte[] cpumaps = new byte[9];
        assertEquals(0, VIR_GET_CPUMAP(cpumaps, 3, 0));
        assertEquals(6, VIR_GET_CPUMAP(cpumaps, 3, 2));
        JxenException e = assertThrows(JxenException.class, () -> VIR_GET_CPUMAP(cpumaps, 4, Integer.MAX_VALUE));
        assertEquals(ErrorCode.OVERFLOW, e.code());
    }

    @Test
    void copyTakesMaplenBytesOfOneVcpu() {
        byte[] cpumaps = {0x11, 0x12, 0x21, 0x22, 0x31, 0x32};
        byte[] map = {(byte) 0xEE, (byte) 0xEE, (byte) 0xEE};
        VIR_COPY_CPUMAP(cpumaps, 2, 1, map);
        assertArrayEquals(new byte[] {0x21, 0x22, (byte) 0xEE}, map, "maplen bytes, no more");
    }

    @Test
    void outOfBoundsIsAnErrorNotAWritePastTheMap() {
        byte[] map = new byte[2];
        JxenException e = assertThrows(JxenException.class, () -> VIR_USE_CPU(map, 16));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertTrue(e.getMessage().contains("0-15"), e.getMessage());
        assertThrows(JxenException.class, () -> VIR_COPY_CPUMAP(new byte[4], 2, 2, new byte[2]));
        assertThrows(JxenException.class, () -> VIR_CPU_USABLE(new byte[4], 2, 0, 16));
        assertArrayEquals(new byte[2], map);
    }

    @Test
    void vcpuStatesHaveLibvirtsNumbers() {
        assertEquals(0, VIR_VCPU_OFFLINE);
        assertEquals(1, VIR_VCPU_RUNNING);
        assertEquals(2, VIR_VCPU_BLOCKED);
        assertEquals(VcpuState.OFFLINE.number(), VIR_VCPU_OFFLINE);
        assertEquals(VcpuState.RUNNING.number(), VIR_VCPU_RUNNING);
        assertEquals(VcpuState.BLOCKED.number(), VIR_VCPU_BLOCKED);
    }
}
