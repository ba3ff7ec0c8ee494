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

/** The traps of the typed views that no single reply shows; whole replies are in the corpus (CorpusTest). */
class XendRecordsTest {

    private static Sexpr.SList read(String text) {
        return (Sexpr.SList) SexprReader.readOne(text);
    }

    @Test
    void onlyTheDomainsOwnFieldsCountAndAffinityListsMayMix() {
        XendDomain d = XendDomain.from(read("(domain (name demo) (uuid 4dea22b3-1d52-d8f3-2516-782e98ab3fa0)"
                + " (cpus ((0 1) () (2) (3 1))) (image (linux (vcpus 9))) (vcpus 4))"));
        assertEquals(4, d.maxVcpus());
        assertEquals(List.of(List.of(0, 1), List.of(), List.of(2), List.of(3, 1)), d.cpus());
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
    void refusesAVcpuWithoutItsCpuTime() {
        assertThrows(SexprException.class, () -> XendVcpu.from(read("(vcpu (number 0) (online 1) (blocked 0) (running 1) (cpu 3) (cpumap (0)))")));
    }

    @Test
    void refusesNodeInfoWithoutItsFields() {
        assertThrows(SexprException.class, () -> XendNode.from(read("(node (nr_cpus 16))")));
    }
}
