package org.jxen;

import static org.jxen.Errors.assertError;
import static org.jxen.Errors.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The raw-array helpers, checked against libvirt's macros written out as C would compute them. */
class CpuMapsTest {

    /** VIR_CPU_USABLE as written in 2006: cpumaps[vcpu*maplen + cpu/8] & (1 << (cpu%8)). */
    private static boolean cMacroUsable(byte[] cpumaps, int maplen, int vcpu, int cpu) {
        return (cpumaps[vcpu * maplen + cpu / 8] & (1 << (cpu % 8))) != 0;
    }

    @Test
    void useAndUnuseSetAndClearOneBit() {
        byte[] map = new byte[2];
        CpuMaps.use(map, 0);
        CpuMaps.use(map, 7);
        CpuMaps.use(map, 9);
        assertArrayEquals(new byte[] {(byte) 0x81, 0x02}, map);
        assertTrue(CpuMaps.isUsed(map, 7));
        assertFalse(CpuMaps.isUsed(map, 8));
        CpuMaps.unuse(map, 7);
        CpuMaps.unuse(map, 8); // clearing a clear bit is harmless
        assertArrayEquals(new byte[] {0x01, 0x02}, map);
    }

    @Test
    void usableAgreesWithTheCMacroOnRandomArrays() {
        Random random = new Random(8);
        for (int round = 0; round < 50; round++) {
            int maplen = 1 + random.nextInt(20);
            int nvcpus = 1 + random.nextInt(10);
            byte[] cpumaps = new byte[maplen * nvcpus];
            random.nextBytes(cpumaps);
            for (int vcpu = 0; vcpu < nvcpus; vcpu++) {
                for (int cpu = 0; cpu < maplen * 8; cpu++) {
                    assertEquals(cMacroUsable(cpumaps, maplen, vcpu, cpu), CpuMaps.isUsable(cpumaps, maplen, vcpu, cpu));
                }
            }
        }
    }

    @Test
    void offsetAndCopyTakeOneVcpusMap() {
        byte[] cpumaps = {1, 2, 3, 4, 5, 6};
        assertEquals(4, CpuMaps.offset(2, 2));
        byte[] out = new byte[3];
        CpuMaps.copy(cpumaps, 2, 1, out);
        assertArrayEquals(new byte[] {3, 4, 0}, out, "copies maplen bytes only");
        assertEquals(CpuMap.fromBytes(new byte[] {5, 6}, 2), CpuMap.fromBytes(cpumaps, CpuMaps.offset(2, 2), 2));
    }

    @Test
    void boundsAreChecked() {
        byte[] map = new byte[2];
        assertInvalid(() -> CpuMaps.use(map, 16), "CPU 16", "0-15");
        assertInvalid(() -> CpuMaps.use(map, -1), "CPU -1", "0-15");
        assertInvalid(() -> CpuMaps.unuse(map, 16), "CPU 16");
        assertInvalid(() -> CpuMaps.isUsed(null, 0), "null");
        assertArrayEquals(new byte[2], map, "a refused call changes nothing");

        byte[] cpumaps = new byte[6];
        assertInvalid(() -> CpuMaps.isUsable(cpumaps, 2, 3, 0), "vCPU 3", "0-2");
        assertInvalid(() -> CpuMaps.isUsable(cpumaps, 2, 0, 16), "CPU 16", "0-15");
        assertInvalid(() -> CpuMaps.isUsable(cpumaps, 0, 0, 0), "maplen 0");
        assertInvalid(() -> CpuMaps.isUsable(cpumaps, 2, -1, 0), "vCPU -1");
        assertInvalid(() -> CpuMaps.copy(cpumaps, 2, 0, new byte[1]), "1 bytes", "maplen 2");
        assertInvalid(() -> CpuMaps.copy(cpumaps, 2, 3, new byte[2]), "vCPU 3");
        assertError(ErrorCode.OVERFLOW, () -> CpuMaps.offset(4, Integer.MAX_VALUE), "input too large");
    }
}
