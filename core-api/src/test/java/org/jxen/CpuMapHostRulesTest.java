package org.jxen;

import static org.jxen.Errors.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The 2006 API's rules for a map given to a host: shorter is zero-filled, longer is an error. */
class CpuMapHostRulesTest {

    @Test
    void maplenShorterThanTheHostMapMeansTheMissingBytesAreZero() {
        // a 16-CPU host has 2-byte maps; one byte selects among CPUs 0-7 only
        assertEquals(CpuMap.ofCpus(0, 1), CpuMap.fromHostBytes(new byte[] {0x03}, 1, 16));
        // a 4096-CPU host (512-byte maps) given a 1-byte map
        assertEquals(CpuMap.ofCpus(7), CpuMap.fromHostBytes(new byte[] {(byte) 0x80}, 1, 4096));
        // bytes of the array past maplen are not read
        assertEquals(CpuMap.ofCpus(0), CpuMap.fromHostBytes(new byte[] {0x01, (byte) 0xFF}, 1, 16));
    }

    @Test
    void maplenLongerThanTheHostMapIsAnError() {
        assertInvalid(() -> CpuMap.fromHostBytes(new byte[] {0x01, 0x00, 0x00}, 3, 16),
                "maplen 3", "1-2", "16 CPUs");
        // even when the extra byte is zero: Xen would ignore it, so the error is ours to raise
        assertInvalid(() -> CpuMap.fromHostBytes(new byte[2], 2, 8), "maplen 2", "1-1");
    }

    @Test
    void aBitForACpuTheHostDoesNotHaveIsAnError() {
        // 12 CPUs: maplen 2 is right, but bit 12 of byte 1 names CPU 12
        assertInvalid(() -> CpuMap.fromHostBytes(new byte[] {0x01, 0x10}, 2, 12), "CPU 12", "0-11");
        assertEquals(CpuMap.ofCpus(0, 11), CpuMap.fromHostBytes(new byte[] {0x01, 0x08}, 2, 12));
    }

    @Test
    void anEmptyMapIsAnErrorNotAPinToNothing() {
        assertInvalid(() -> CpuMap.fromHostBytes(new byte[2], 2, 16), "no CPU", "0-15");
        assertInvalid(() -> CpuMap.fromHostBytes(new byte[1], 0, 16), "maplen 0", "1-2");
    }

    @Test
    void checkWithinNamesTheFirstCpuBeyondTheHost() {
        CpuMap map = CpuMap.parse("1,20-30,40");
        assertInvalid(() -> map.checkWithin(16), "CPU 20", "0-15");
        assertInvalid(() -> map.checkWithin(25), "CPU 25", "0-24");
        assertSame(map, map.checkWithin(41));
        assertInvalid(() -> map.checkWithin(0), "host CPU count 0");
    }
}
