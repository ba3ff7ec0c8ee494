package org.jxen.xend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers from a hostile or broken xend are checked against their field's range before any use. */
class HostileFieldsTest {

    private static final String ID = "(name demo) (uuid 4dea22b3-1d52-d8f3-2516-782e98ab3fa0)";
    private static final String MILLION_DIGITS = "9".repeat(1_000_000);
    /** Guards against a hang only: the bounded code takes milliseconds, the unbounded one 15 s or more. */
    private static final Duration HANG = Duration.ofSeconds(10);

    /** Reads with XendClient's token limit, its body limit (1 MiB by default): a million-digit atom gets through. */
    private static Sexpr.SList read(String text) {
        return (Sexpr.SList) SexprReader.readAll(text.getBytes(StandardCharsets.US_ASCII),
                new SexprReader.Limits(256, 2 << 20)).getFirst();
    }

    /** Asserts a SexprException whose message names each of {@code words}. */
    private static void assertRefused(Function<Sexpr.SList, ?> from, String text, String... words) {
        SexprException e = assertThrows(SexprException.class, () -> from.apply(read(text)));
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), () -> "'" + word + "' not in: " + e.getMessage());
        }
    }

    @Test
    void vcpusBeyondXensLimitIsRefusedEvenWithVcpuAvail() {
        assertRefused(XendDomain::from, "(domain " + ID + " (vcpus 2147483647) (vcpu_avail 1))", "vcpus", "2147483647", "8192");
        assertRefused(XendDomain::from, "(domain " + ID + " (vcpus 1000000000))", "vcpus", "1000000000");
        assertRefused(XendDomain::from, "(domain " + ID + " (vcpus 8193))", "vcpus", "8193");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "-2147483648"})
    void vcpusBelowOneIsRefused(String vcpus) {
        assertRefused(XendDomain::from, "(domain " + ID + " (vcpus " + vcpus + "))", "vcpus", vcpus);
    }

    @Test
    void xensLimitItselfIsAccepted() {
        XendDomain d = XendDomain.from(read("(domain " + ID + " (vcpus 8192))"));
        assertEquals(8192, d.vcpuAvail().bitCount());
    }

    @Test
    void vcpuAvailWithABitAtOrAboveVcpusIsRefused() {
        assertRefused(XendDomain::from, "(domain " + ID + " (vcpus 2) (vcpu_avail 4))", "vcpu_avail", "4");
        assertRefused(XendDomain::from, "(domain " + ID + " (vcpus 2) (vcpu_avail -1))", "vcpu_avail", "-1");
        assertEquals(BigInteger.valueOf(3), XendDomain.from(read("(domain " + ID + " (vcpus 2) (vcpu_avail 3))")).vcpuAvail());
    }

    @Test
    void aMillionDigitBitmaskIsRefusedBeforeItIsConverted() {
        assertTimeoutPreemptively(HANG, () -> assertRefused(XendDomain::from,
                "(domain " + ID + " (vcpus 4) (vcpu_avail " + MILLION_DIGITS + "))", "vcpu_avail", "1000000 characters"));
    }

    @Test
    void aMillionDigitIntegerIsRefusedBeforeItIsConverted() {
        assertTimeoutPreemptively(HANG, () -> assertRefused(XendDomain::from,
                "(domain " + ID + " (vcpus " + MILLION_DIGITS + "))", "vcpus", "1000000 characters"));
        Sexpr.SList node = read("(node (total_memory " + MILLION_DIGITS + "))");
        SexprException e = assertTimeoutPreemptively(HANG, () -> assertThrows(SexprException.class, () -> node.longValue("total_memory")));
        assertTrue(e.getMessage().contains("1000000 characters"), e.getMessage());
    }

    @Test
    void leadingZerosDoNotCountAsDigits() {
        assertEquals(4, read("(domain (vcpus 000000000000000000000000004))").intValue("vcpus").orElseThrow());
        assertEquals(-7L, read("(node (x -0000000000000000000000000007))").longValue("x").orElseThrow());
    }

    @Test
    void theIntAndLongLimitsThemselvesAreInRange() {
        Sexpr.SList s = read("(x (i -2147483648) (j 2147483647) (k -9223372036854775808) (l 9223372036854775807)"
                + " (m 2147483648) (n 9223372036854775808))");
        assertEquals(Integer.MIN_VALUE, s.intValue("i").orElseThrow());
        assertEquals(Integer.MAX_VALUE, s.intValue("j").orElseThrow());
        assertEquals(Long.MIN_VALUE, s.longValue("k").orElseThrow());
        assertEquals(Long.MAX_VALUE, s.longValue("l").orElseThrow());
        assertThrows(SexprException.class, () -> s.intValue("m"));
        assertThrows(SexprException.class, () -> s.longValue("n"));
    }

    @Test
    void domainCountsAndTimesOutOfRangeAreRefused() {
        assertRefused(XendDomain::from, "(domain " + ID + " (vcpus 2) (online_vcpus 3))", "online_vcpus", "3");
        assertRefused(XendDomain::from, "(domain " + ID + " (vcpus 2) (domid -1))", "domid", "-1");
        assertRefused(XendDomain::from, "(domain " + ID + " (vcpus 2) (domid 65536))", "domid", "65536");
        assertRefused(XendDomain::from, "(domain " + ID + " (vcpus 2) (cpu_time -3))", "cpu_time", "-3");
        assertRefused(XendDomain::from, "(domain " + ID + " (vcpus 2) (cpu_time 1e999))", "cpu_time", "Infinity");
        assertRefused(XendDomain::from, "(domain " + ID + " (vcpus 1) (cpus ((0) (1))))", "cpus", "2");
        assertRefused(XendDomain::from, "(domain " + ID + " (vcpus 1) (cpu_time " + "1".repeat(65) + "))", "cpu_time", "65 characters");
    }

    @Test
    void vcpuinfoNumbersOutOfRangeAreRefused() {
        String fields = "(number 0) (online 1) (blocked 0) (running 1) (cpu_time 1.5) (cpu 3) (cpumap (0))";
        assertRefused(XendVcpu::from, "(vcpu " + fields.replace("(online 1)", "(online 7)") + ")", "online", "7");
        assertRefused(XendVcpu::from, "(vcpu " + fields.replace("(number 0)", "(number -1)") + ")", "number", "-1");
        assertRefused(XendVcpu::from, "(vcpu " + fields.replace("(cpu 3)", "(cpu -2)") + ")", "cpu", "-2");
        assertRefused(XendVcpu::from, "(vcpu " + fields.replace("(cpu_time 1.5)", "(cpu_time -1.5)") + ")", "cpu_time", "-1.5");
        assertRefused(XendVcpus::from, "(domain (name demo) (vcpu_count 9000))", "vcpu_count", "9000");
    }

    @Test
    void nodeCountsOutOfRangeAreRefused() {
        String fields = "(nr_cpus 16) (nr_nodes 1) (cores_per_socket 8) (threads_per_core 2) (cpu_mhz 2400)"
                + " (total_memory 65536) (xen_major 4) (xen_minor 1) (xen_extra .3)";
        assertRefused(XendNode::from, "(node " + fields.replace("(nr_cpus 16)", "(nr_cpus 0)") + ")", "nr_cpus", "0");
        assertRefused(XendNode::from, "(node " + fields.replace("(total_memory 65536)", "(total_memory -1)") + ")", "total_memory", "-1");
        assertRefused(XendNode::from, "(node " + fields + " (xend_config_format -4))", "xend_config_format", "-4");
    }
}
