package org.jxen;

import static org.jxen.Errors.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The byte form: libvirt's wire format, checked against hand-written maps and against BitSet. */
class CpuMapBytesTest {

    @Test
    void handWrittenMapsFromTheSeedsDescription() {
        // "no affinity" on a 4-CPU host is 0x0F (Berthault, libvir-list, August 2006)
        assertEquals(CpuMap.range(0, 3), CpuMap.fromBytes(new byte[] {0x0F}, 1));
        // byte 0 = CPUs 0-7, lowest CPU = least significant bit
        assertEquals(CpuMap.ofCpus(0, 2), CpuMap.fromBytes(new byte[] {0b0000_0101}, 1));
        assertEquals(CpuMap.ofCpus(7), CpuMap.fromBytes(new byte[] {(byte) 0x80}, 1));
        // byte 1 = CPUs 8-15
        assertEquals(CpuMap.ofCpus(8), CpuMap.fromBytes(new byte[] {0x00, 0x01}, 2));
        assertEquals(CpuMap.ofCpus(1, 15), CpuMap.fromBytes(new byte[] {0x02, (byte) 0x80}, 2));
        assertArrayEquals(new byte[] {0x00, 0x01, 0x00}, CpuMap.ofCpus(8).toBytes(3));
        assertArrayEquals(new byte[] {(byte) 0xFF, 0x01}, CpuMap.range(0, 8).toBytes(2));
        assertArrayEquals(new byte[] {0x0C}, CpuMap.parse("2-3").toBytes(1));
    }

    @Test
    void readsOnlyTheFirstMaplenBytes() {
        byte[] bytes = {0x01, (byte) 0xFF};
        assertEquals(CpuMap.ofCpus(0), CpuMap.fromBytes(bytes, 1));
        assertTrue(CpuMap.fromBytes(bytes, 0).isEmpty());
        assertEquals(CpuMap.range(0, 7), CpuMap.fromBytes(bytes, 1, 1), "a map read at an offset starts at CPU 0");
    }

    @Test
    void agreesWithBitSetToByteArray() {
        Random random = new Random(2006);
        for (int round = 0; round < 500; round++) {
            int nbits = 1 + random.nextInt(5000);
            BitSet bits = new BitSet(nbits);
            double density = random.nextDouble();
            for (int i = 0; i < nbits; i++) {
                if (random.nextDouble() < density) {
                    bits.set(i);
                }
            }
            int maplen = (nbits + 7) / 8;
            byte[] expected = Arrays.copyOf(bits.toByteArray(), maplen); // BitSet trims trailing zero bytes
            CpuMap map = CpuMap.ofCpus(bits.stream().toArray());
            assertArrayEquals(expected, map.toBytes(maplen), "round " + round);
            assertEquals(map, CpuMap.fromBytes(expected, maplen));
            assertEquals(bits.cardinality(), map.cardinality());
            assertArrayEquals(bits.stream().toArray(), map.stream().toArray());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 9, 63, 64, 65, 255, 256, 4095, 4096, 4097, 65_535, 65_536})
    void everyOddSizeRoundTrips(int nCpus) {
        int maplen = CpuMap.maplen(nCpus);
        byte[] all = new byte[maplen];
        for (int cpu = 0; cpu < nCpus; cpu++) {
            all[cpu / 8] |= (byte) (1 << (cpu % 8));
        }
        assertArrayEquals(all, CpuMap.all(nCpus).toBytes(maplen));
        assertEquals(CpuMap.all(nCpus), CpuMap.fromBytes(all, maplen));
        assertEquals(nCpus, CpuMap.fromBytes(all, maplen).cardinality());

        CpuMap last = CpuMap.ofCpus(nCpus - 1);
        byte[] lastBytes = new byte[maplen];
        lastBytes[maplen - 1] = (byte) (1 << ((nCpus - 1) % 8));
        assertArrayEquals(lastBytes, last.toBytes(maplen));
        assertEquals(last, CpuMap.fromBytes(lastBytes, maplen));
        assertEquals(maplen, last.minMaplen());
    }

    @Test
    void largeHostsAreNoSpecialCase() {
        CpuMap evens = CpuMap.ofCpus(IntStream.range(0, 65_536).filter(c -> c % 2 == 0).toArray());
        byte[] bytes = evens.toBytes(8192);
        for (byte b : bytes) {
            assertEquals(0x55, b & 0xFF);
        }
        assertEquals(evens, CpuMap.fromBytes(bytes, 8192));
        assertEquals(32_768, evens.cardinality());
        assertTrue(evens.contains(65_534));
        assertFalse(evens.contains(65_535));
        assertEquals("0-4095", CpuMap.all(4096).toString());
        assertEquals(CpuMap.all(4096), CpuMap.parse("all", 4096));
    }

    @Test
    void toBytesRefusesAMapThatDoesNotFit() {
        assertInvalid(() -> CpuMap.ofCpus(16).toBytes(2), "CPU 16", "2 bytes", "at least 3");
        assertInvalid(() -> CpuMap.ofCpus(0).toBytes(-1), "-1");
        assertArrayEquals(new byte[0], CpuMap.ofCpus().toBytes(0));
    }

    @Test
    void copyIntoWritesOneMapOfACpumapsArrayAndClearsItsOtherBits() {
        byte[] cpumaps = new byte[6];
        Arrays.fill(cpumaps, (byte) 0xFF);
        CpuMap.ofCpus(3, 9).copyInto(cpumaps, 2, 2);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFF, 0x08, 0x02, (byte) 0xFF, (byte) 0xFF}, cpumaps);
        assertInvalid(() -> CpuMap.ofCpus(0).copyInto(cpumaps, 5, 2), "offset 5");
        assertInvalid(() -> CpuMap.ofCpus(0).copyInto(null, 0, 1), "null");
    }

    @Test
    void badByteArgumentsAreRefused() {
        assertInvalid(() -> CpuMap.fromBytes(new byte[2], 3), "maplen 3", "2 bytes");
        assertInvalid(() -> CpuMap.fromBytes(new byte[2], -1), "maplen -1");
        assertInvalid(() -> CpuMap.fromBytes(new byte[2], 2, 1), "offset 2");
        assertInvalid(() -> CpuMap.fromBytes(null, 0), "null");
    }

    @Test
    void maplenIsVirCpuMaplen() {
        assertEquals(0, CpuMap.maplen(0));
        assertEquals(1, CpuMap.maplen(1));
        assertEquals(1, CpuMap.maplen(8));
        assertEquals(2, CpuMap.maplen(9));
        assertEquals(512, CpuMap.maplen(4096));
        assertEquals(8192, CpuMap.maplen(65_536));
        assertEquals(268_435_456, CpuMap.maplen(Integer.MAX_VALUE), "no int overflow in (n + 7) / 8");
        assertInvalid(() -> CpuMap.maplen(-1), "-1");
    }

    @Test
    void mapsOfTwoToThe28BytesOrMoreNeitherOverflowNorDropBits() {
        // 2^28 bytes hold CPUs 0 to 2^31 - 1; the last one is past MAX_CPU and was read as a CPU.
        byte[] big = new byte[1 << 28];
        big[big.length - 1] = (byte) 0x40; // CPU 2^31 - 2 = MAX_CPU
        CpuMap last = CpuMap.fromBytes(big, big.length);
        assertEquals(CpuMap.ofCpus(CpuMap.MAX_CPU), last);
        big[big.length - 1] = (byte) 0x80; // CPU 2^31 - 1
        assertInvalid(() -> CpuMap.fromBytes(big, big.length), "CPU 2147483647", "0-" + CpuMap.MAX_CPU);
        byte[] bigger = new byte[(1 << 28) + 1];
        bigger[bigger.length - 1] = 1; // CPU 2^31: was silently dropped
        assertInvalid(() -> CpuMap.fromBytes(bigger, bigger.length), "CPU 2147483648");
        byte[] run = new byte[(1 << 28) + 1];
        run[run.length - 2] = (byte) 0xC0;
        run[run.length - 1] = (byte) 0xFF; // a run from MAX_CPU across the end
        assertInvalid(() -> CpuMap.fromBytes(run, run.length), "CPU 2147483647");
    }
}
