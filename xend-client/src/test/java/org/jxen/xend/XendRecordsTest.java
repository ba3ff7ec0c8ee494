package org.jxen.xend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class XendRecordsTest {

    private static Sexpr.SList read(String text) {
        return (Sexpr.SList) SexprReader.readOne(text);
    }

    @Test
    void readsARunningXend4Domain() {
        XendDomain d = XendDomain.from(read("(domain (domid 3) (name demo) (uuid 4dea22b3-1d52-d8f3-2516-782e98ab3fa0)"
                + " (vcpus 4) (vcpu_avail 5) (online_vcpus 2) (cpu_time 14.62) (cpus ((0 1) () (2) (3 1)))"
                + " (state -b----) (image (linux (vcpus 9))))"));
        assertEquals(new XendDomain(OptionalInt.of(3), "demo", UUID.fromString("4dea22b3-1d52-d8f3-2516-782e98ab3fa0"), 4,
                BigInteger.valueOf(5), OptionalInt.of(2), OptionalLong.of(14_620_000_000L),
                List.of(List.of(0, 1), List.of(), List.of(2), List.of(3, 1)), Optional.of("-b----")), d);
    }

    @Test
    void readsAnOldStyleConfigWithQuotesAndDefaults() {
        XendDomain d = XendDomain.from(read("(vm (name 'pv') (uuid '596A5D2171F48FB2E068E2386A5C413E') (vcpus '3'))"));
        assertEquals(new XendDomain(OptionalInt.empty(), "pv", UUID.fromString("596a5d21-71f4-8fb2-e068-e2386a5c413e"), 3,
                BigInteger.valueOf(7), OptionalInt.empty(), OptionalLong.empty(), List.of(), Optional.empty()), d);
    }

    @Test
    void refusesDomainsWithoutTheFieldsItNeeds() {
        assertThrows(SexprException.class, () -> XendDomain.from(read("(domain (name a) (uuid 00000000000000000000000000000000))")));
        assertThrows(SexprException.class, () -> XendDomain.from(read("(domain (vcpus 1) (uuid 00000000000000000000000000000000))")));
        assertThrows(SexprException.class, () -> XendDomain.from(read("(domain (vcpus 1) (name a))")));
        assertThrows(SexprException.class, () -> XendDomain.from(read("(domain (vcpus 1) (name a) (uuid 1234))")));
        assertThrows(SexprException.class, () -> XendDomain.from(read("(domain (vcpus 1) (name a) (uuid 00000000000000000000000000000000) (cpus ((0 x))))")));
    }

    @Test
    void readsAVcpuinfoReply() {
        XendVcpus v = XendVcpus.from(read("(domain (domid 1) (name demo) (vcpu_count 2)"
                + " (vcpu (number 0) (online 1) (blocked 0) (running 1) (cpu_time 1.5) (cpu 3) (cpumap (0 1 2 3)))"
                + " (vcpu (number 1) (online 0) (blocked 0) (running 0) (cpu_time 0.000000001) (cpu -1) (cpumap (5))))"));
        assertEquals(new XendVcpus(OptionalInt.of(1), "demo", 2, List.of(
                new XendVcpu(0, true, false, true, 1_500_000_000L, 3, List.of(0, 1, 2, 3)),
                new XendVcpu(1, false, false, false, 1L, -1, List.of(5)))), v);
        assertThrows(SexprException.class, () -> XendVcpu.from(read("(vcpu (number 0) (online 1) (blocked 0) (running 1) (cpu 3) (cpumap (0)))")));
    }

    @Test
    void readsNodeInfoWithAndWithoutTheConfigFormat() {
        String fields = "(nr_cpus 16) (nr_nodes 1) (cores_per_socket 8) (threads_per_core 2) (cpu_mhz 2400)"
                + " (total_memory 65536) (xen_major 4) (xen_minor 1) (xen_extra .3)";
        assertEquals(new XendNode(16, 1, 8, 2, 2400, 65536, 4, 1, ".3", 4), XendNode.from(read("(node (system Linux) " + fields + " (xend_config_format 4))")));
        assertEquals(1, XendNode.from(read("(node " + fields + ")")).xendConfigFormat());
        assertThrows(SexprException.class, () -> XendNode.from(read("(node (nr_cpus 16))")));
    }
}
