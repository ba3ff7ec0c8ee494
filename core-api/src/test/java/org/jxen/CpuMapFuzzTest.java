package org.jxen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Fuzz targets for the two forms of a CPU map. The contract: cpuset text yields a map whose
 * {@code toString()} parses back to the same map, or {@link JxenException} INVALID_ARG; bytes yield
 * a map that round-trips through {@code toBytes}, or INVALID_ARG/OVERFLOW; any other throwable is a
 * finding. Lengths and CPU numbers are capped so that a finding is about logic, not memory. Seeds
 * and saved findings are in {@code src/test/resources/org/jxen/CpuMapFuzzTestInputs}; {@code mvn
 * verify} replays them, {@code scripts/fuzz} fuzzes.
 */
class CpuMapFuzzTest {

    /** Up to 256 bytes of map: 2,048 CPUs, past the host sizes the driver reads in one byte. */
    private static final int MAX_MAPLEN = 256;
    private static final Set<ErrorCode> TEXT_REFUSALS = Set.of(ErrorCode.INVALID_ARG);
    private static final Set<ErrorCode> BYTES_REFUSALS = Set.of(ErrorCode.INVALID_ARG, ErrorCode.OVERFLOW);

    /** The value, or nothing when jxen refused the call with one of the documented codes. */
    private static <T> Optional<T> orRefused(Set<ErrorCode> allowed, Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (JxenException e) {
            assertTrue(allowed.contains(e.code()), () -> e.code() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    @FuzzTest
    void cpusetTextParsesToAMapThatPrintsBack(FuzzedDataProvider data) {
        // -1 and 0 are refused host sizes; the rest reach the "beyond the host" rule.
        int hostCpus = data.consumeBoolean() ? data.consumeInt(-1, 1 << 17) : 0;
        String text = data.consumeRemainingAsString();
        orRefused(TEXT_REFUSALS, () -> CpuMap.parse(text)).ifPresent(map -> {
            assertFalse(map.isEmpty(), text);
            assertEquals(map, CpuMap.parse(map.toString()), text);
        });
        if (hostCpus != 0) {
            orRefused(TEXT_REFUSALS, () -> CpuMap.parse(text, hostCpus)).ifPresent(map -> {
                assertTrue(map.last() < hostCpus, () -> map + " on " + hostCpus + " CPUs");
                assertEquals(map, CpuMap.parse(map.toString(), hostCpus), text);
            });
        }
    }

    @FuzzTest
    void cpumapBytesRoundTrip(FuzzedDataProvider data) {
        int offset = data.consumeInt(-1, MAX_MAPLEN);
        int maplen = data.consumeInt(-1, MAX_MAPLEN);
        int hostCpus = data.consumeInt(-1, MAX_MAPLEN * 8 + 8);
        int outMaplen = data.consumeInt(-1, MAX_MAPLEN);
        byte[] bytes = data.consumeBytes(2 * MAX_MAPLEN);
        orRefused(BYTES_REFUSALS, () -> CpuMap.fromBytes(bytes, offset, maplen)).ifPresent(map -> {
            // The byte form is exact: the same bytes come back, and the shortest form reads the same map.
            assertArrayEquals(Arrays.copyOfRange(bytes, offset, offset + maplen), map.toBytes(maplen));
            byte[] shortest = map.toBytes(map.minMaplen());
            assertEquals(map, CpuMap.fromBytes(shortest, shortest.length));
            byte[] into = new byte[offset + maplen + 1];
            Arrays.fill(into, (byte) 0xA5);
            map.copyInto(into, offset, maplen);
            assertEquals(map, CpuMap.fromBytes(into, offset, maplen));
            assertEquals((byte) 0xA5, into[offset + maplen], "copyInto wrote past maplen");
        });
        orRefused(BYTES_REFUSALS, () -> CpuMap.fromHostBytes(bytes, maplen, hostCpus)).ifPresent(map -> {
            assertFalse(map.isEmpty());
            assertTrue(map.last() < hostCpus, () -> map + " on " + hostCpus + " CPUs");
        });
        // Any other length: long enough is the same map, too short is refused.
        orRefused(BYTES_REFUSALS, () -> CpuMap.fromBytes(bytes, maplen)).ifPresent(map -> orRefused(BYTES_REFUSALS,
                () -> map.toBytes(outMaplen)).ifPresent(out -> assertEquals(map, CpuMap.fromBytes(out, outMaplen))));
    }

    @FuzzTest
    void cpumapMacrosAgreeWithCpuMap(FuzzedDataProvider data) {
        int maplen = data.consumeInt(-1, MAX_MAPLEN);
        int vcpu = data.consumeInt();
        int cpu = data.consumeInt(-1, MAX_MAPLEN * 8 + 8);
        byte[] cpumaps = data.consumeBytes(2 * MAX_MAPLEN);
        orRefused(BYTES_REFUSALS, () -> CpuMaps.offset(maplen, vcpu));
        orRefused(BYTES_REFUSALS, () -> CpuMaps.isUsable(cpumaps, maplen, vcpu, cpu)).ifPresent(usable -> {
            byte[] one = new byte[maplen];
            CpuMaps.copy(cpumaps, maplen, vcpu, one);
            assertEquals(usable, CpuMap.fromBytes(one, maplen).contains(cpu));
            assertEquals(usable, CpuMaps.isUsed(one, cpu));
            CpuMaps.unuse(one, cpu);
            assertFalse(CpuMaps.isUsed(one, cpu));
            CpuMaps.use(one, cpu);
            CpuMap before = CpuMap.fromBytes(cpumaps, CpuMaps.offset(maplen, vcpu), maplen);
            CpuMap after = CpuMap.fromBytes(one, maplen);
            assertTrue(after.contains(cpu));
            assertEquals(before.cardinality() + (usable ? 0 : 1), after.cardinality());
        });
    }
}
