package org.jxen;

import static org.jxen.Errors.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cpuset text form of xl and virsh, both ways. */
class CpusetTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "0-3,^2,8; 0,1,3,8",
        "8; 8",
        "0-0; 0",
        "3,1,2; 1,2,3",
        "0-7,^0-7,4; 4",
        "^2,0-3; 0,1,2,3",          // applied left to right: the later range adds CPU 2 back
        "0-3,^2,2; 0,1,2,3",
        " 1 , 3 ; 1,3",
        "007; 7",
        "2147483646; 2147483646",
        "0-10,^3-5; 0,1,2,6,7,8,9,10",
        "0-10,^0; 1,2,3,4,5,6,7,8,9,10",
        "0-10,^10; 0,1,2,3,4,5,6,7,8,9",
        "0-3,5-8,^2-6; 0,1,7,8",
        "0-1,3-4,2; 0,1,2,3,4",
        "5,0-9; 0,1,2,3,4,5,6,7,8,9",
    })
    void parsesWhatXlAndVirshAccept(String text, String cpus) {
        int[] expected = java.util.Arrays.stream(cpus.split(",")).mapToInt(Integer::parseInt).toArray();
        assertEquals(CpuMap.ofCpus(expected), CpuMap.parse(text));
    }

    @Test
    void allNeedsTheHostSize() {
        assertEquals(CpuMap.range(0, 15), CpuMap.parse("all", 16));
        assertEquals(CpuMap.range(1, 15), CpuMap.parse("all,^0", 16));
        assertInvalid(() -> CpuMap.parse("all"), "'all'", "host");
    }

    @Test
    void printsCanonicalText() {
        assertEquals("0-3,8", CpuMap.ofCpus(8, 3, 2, 1, 0).toString());
        assertEquals("0-1", CpuMap.ofCpus(0, 1).toString());
        assertEquals("5", CpuMap.ofCpus(5).toString());
        assertEquals("1,3,5", CpuMap.ofCpus(1, 3, 5).toString());
        assertEquals("", CpuMap.ofCpus().toString());
    }

    @Test
    void textRoundTrips() {
        Random random = new Random(17);
        for (int round = 0; round < 300; round++) {
            TreeSet<Integer> cpus = new TreeSet<>();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                cpus.add(random.nextInt(random.nextBoolean() ? 64 : 5000));
            }
            CpuMap map = CpuMap.ofCpus(cpus.stream().mapToInt(Integer::intValue).toArray());
            assertEquals(map, CpuMap.parse(map.toString()), map.toString());
            assertEquals(map, CpuMap.fromBytes(map.toBytes(map.minMaplen()), map.minMaplen()));
        }
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "3-1; 3 is greater than 1",
        "-1; negative",
        "1,-3; negative",
        "x; 'x' is not a CPU number",
        "1-x; not a CPU number",
        "1-; not a CPU number",
        "0x10; not a CPU number",
        "+1; not a CPU number",
        "^; '^' must be followed",
        "^all; '^all'",
        "1,,2; item 2 is empty",
        "1,; item 2 is empty",
        ",1; item 1 is empty",
        "99999999999; 99999999999 is out of range 0-2147483646",
        "2147483647; 2147483647 is out of range 0-2147483646",
        "0-99999999999999999999; out of range",
        "^2; selects no CPU",
        "0-3,^0-3; selects no CPU",
    })
    void badTextGetsAPreciseError(String text, String mention) {
        assertInvalid(() -> CpuMap.parse(text), "'" + text + "'", mention);
    }

    @Test
    void emptyTextIsAnError() {
        assertInvalid(() -> CpuMap.parse(""), "empty");
        assertInvalid(() -> CpuMap.parse("   "), "empty");
        assertInvalid(() -> CpuMap.parse(null), "'cpuset'");
        assertInvalid(() -> CpuMap.parse("", 16), "empty", "'all'");
    }

    @Test
    void cpusBeyondTheHostAreRefusedWithTheRange() {
        assertInvalid(() -> CpuMap.parse("0-16", 16), "CPU 16", "0-15");
        assertInvalid(() -> CpuMap.parse("-1", 16), "0-15");
        assertInvalid(() -> CpuMap.parse("1", 0), "host CPU count 0");
    }
}
