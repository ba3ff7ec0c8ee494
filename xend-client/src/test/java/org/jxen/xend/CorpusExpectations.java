package org.jxen.xend;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * What each file of the corpus ({@code src/test/resources/org/jxen/xend/corpus/}) says, typed in
 * by hand from the file's text: never computed by the reader. Bitmasks are written in hex here and
 * in decimal in the files, CPU times in nanoseconds here and in seconds there, so that the reader's
 * conversions are checked too.
 */
final class CorpusExpectations {

    /** What one file must read as. */
    sealed interface Expected {
    }

    /** A file the reader accepts, and what its values are. */
    sealed interface WellFormed extends Expected {
    }

    /** One or more {@code (domain ...)} values, each one top-level value, read by {@link XendDomain#from}. */
    record Domains(List<XendDomain> domains) implements WellFormed {
    }

    /** One list of domains, {@code GET /xend/domain?detail=1}. */
    record DomainList(List<XendDomain> domains) implements WellFormed {
    }

    /** One list of names, {@code GET /xend/domain}. */
    record Names(List<String> names) implements WellFormed {
    }

    /** An {@code op=vcpuinfo} reply. */
    record Vcpus(XendVcpus vcpus) implements WellFormed {
    }

    /** A {@code GET /xend/node} reply. */
    record Node(XendNode node) implements WellFormed {
    }

    /** An {@code (xend.err 'message')} body; the message as decoded from Python's repr(). */
    record XendErr(String message) implements WellFormed {
    }

    /** The body of an op that returns no domain: nothing (None) or a bare result. */
    record OpResult(List<Sexpr> values) implements WellFormed {
    }

    /** A file the reader must refuse, at this byte offset, with a message containing {@code what}. */
    record Malformed(long offset, String what) implements Expected {
    }

    private static final UUID DOM0 = new UUID(0, 0);
    private static final List<Integer> CPUS_0_TO_7 = range(0, 8);

    private CorpusExpectations() {
    }

    /** Every file, by its path under {@code corpus/}. */
    static final Map<String, Expected> FILES = Map.ofEntries(
            Map.entry("domain/xen4.1-pv-running.sxp", new Domains(List.of(web01()))),
            Map.entry("domain-pretty/xm-list-l-xen4.1-web01.sxp", new Domains(List.of(web01()))),
            Map.entry("domain/xen4.1-pv-vcpu-avail-partial.sxp", new Domains(List.of(domain(12, "batch07",
                    "3e0a9c47-d2b1-4f65-8e1c-7a4b09d63f28", 4, "5", 2, 88_041_177_032L, empties(4), "r-----")))),
            Map.entry("domain/xen4.1-pv-vcpu-avail-long-quoted.sxp", new Domains(List.of(domain(5, "mail-relay",
                    "c41f6b0e-8d27-4a93-b5e2-0f9d3c71a684", 2, "3", 2, 40_311_772_048_100L,
                    List.of(List.of(1), List.of(1)), "-b----")))),
            Map.entry("domain/xen4.1-hvm-64-vcpus-long-mask.sxp", new Domains(List.of(domain(21, "hpc-solver",
                    "8a2d4e6f-0b1c-4d3e-9f5a-6b7c8d9e0f12", 64, "ffffffffffffffff", 64, 2_764_800_123_450_000L,
                    empties(64), "-b----")))),
            Map.entry("domain/xen4.2-hvm-128-vcpus-sparse-mask.sxp", new Domains(List.of(domain(30, "db-big",
                    "f0e1d2c3-b4a5-4968-8776-a5b4c3d2e1f0", 128, "ffffffff00000000ffffffffffffffff", 96, 93_700L,
                    List.of(), "r-----")))),
            Map.entry("domain/xen4.1-inactive-managed.sxp", new Domains(List.of(domain(null, "build-spare",
                    "17a3c5e7-9b2d-4f61-83a5-c7e9b1d3f5a7", 2, "3", null, null, List.of(List.of(0), List.of(1)), null)))),
            Map.entry("domain/xen4.1-dom0.sxp", new Domains(List.of(domain(0, "Domain-0", DOM0.toString(), 8, "ff", 8,
                    65_102_331_090_400L, Collections.nCopies(8, CPUS_0_TO_7), "r-----")))),
            Map.entry("domain/xen4.1-paused-single-vcpu.sxp", new Domains(List.of(domain(9, "winxp-test",
                    "5c7e9a1b-3d5f-4b71-9e3c-5a7b9d1f3e5c", 1, "1", 1, 42_000L, empties(1), "--p---")))),
            Map.entry("domain/xen4.4-crashed-preserved.sxp", new Domains(List.of(domain(44, "kdump-me",
                    "a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c6d", 3, "7", 3, 312_004_738_210L,
                    Collections.nCopies(3, List.of(0, 2)), "----c-")))),
            Map.entry("domain/xen3.0.0-pv-uuid-8-8-8-8-vcpus-twice.sxp", new Domains(List.of(domain(2, "sarge-pv",
                    "9f3e1a5c-7b2d-4e68-a1c3-e5f7092b4d6f", 2, "3", 2, 37_504_711_123L, List.of(), "-b----")))),
            // no vcpu_avail in the file: xend's default, every vCPU
            Map.entry("domain/undashed-uuid-and-cpu-field.sxp", new Domains(List.of(domain(6, "etch-pv",
                    "2c4e6a8b-0d1f-43a5-b7c9-e1f3a5b7c9d1", 4, "f", 2, 612_770_145_820L, List.of(), "-b----")))),
            Map.entry("domain/xen4.1-strings-needing-quotes.sxp", new Domains(List.of(dbCache()))),
            Map.entry("domain-pretty/xm-list-l-xen4.1-strings.sxp", new Domains(List.of(dbCache()))),
            Map.entry("domain-pretty/xm-list-l-xen4.1-three-domains.sxp", new Domains(List.of(
                    domain(0, "Domain-0", DOM0.toString(), 4, "f", 4, 20_471_660_335_200L,
                            Collections.nCopies(4, range(0, 4)), "r-----"),
                    domain(4, "ci-runner-02", "4b6d8f0a-2c4e-4f6a-8b0d-2e4f6a8c0e2a", 2, "1", 1, 512_374_001L,
                            List.of(List.of(2, 3), List.of(2, 3)), "-b----"),
                    domain(null, "db01-staging", "8e0a2c4e-6f8b-4d0f-a2c4-6e8f0a2c4e6f", 6, "3f", null, null,
                            List.of(range(0, 3), range(0, 3), range(0, 3), List.of(3), List.of(3), List.of(3)), null)))),
            Map.entry("domain-list/detail-xen4.1-three-domains.sxp", new DomainList(List.of(
                    domain(0, "Domain-0", DOM0.toString(), 2, "3", 2, 1_204_553_810_730L,
                            List.of(List.of(0, 1), List.of(0, 1)), "r-----"),
                    // no vcpu_avail in the file: xend's default, every vCPU
                    domain(1, "dns01", "1d3f5b7d-9f1b-4d3f-b5d7-f9b1d3f5b7d9", 1, "1", 1, 31_600_638_100L,
                            List.of(List.of(1)), "-b----"),
                    domain(2, "lab-3vcpu", "2e4a6c8e-0a2c-4e6a-8c0e-2a4c6e8a0c2e", 3, "6", 2, 5_000_000_001L,
                            empties(3), "--p---")))),
            Map.entry("domain-list/names-xen4.1.sxp", new Names(List.of("Domain-0", "web01", "batch07", "db+cache", "mail-relay"))),
            Map.entry("domain-list/names-dom0-only.sxp", new Names(List.of("Domain-0"))),
            Map.entry("vcpuinfo/xen4.1-running-4-vcpus.sxp", new Vcpus(new XendVcpus(OptionalInt.of(3), "web01", 4, List.of(
                    new XendVcpu(0, true, true, false, 402_117_503_368L, 1, List.of(0, 1)),
                    new XendVcpu(1, true, false, true, 398_926_054_291L, 0, List.of(0, 1)),
                    new XendVcpu(2, true, true, false, 361_000_881_120L, 3, List.of(2, 3)),
                    new XendVcpu(3, true, true, false, 361_444_911_803L, 2, List.of(2, 3)))))),
            Map.entry("vcpuinfo/xen4.1-offline-vcpus.sxp", new Vcpus(new XendVcpus(OptionalInt.of(12), "batch07", 4, List.of(
                    new XendVcpu(0, true, false, true, 50_116_843_002L, 5, CPUS_0_TO_7),
                    new XendVcpu(1, false, false, false, 1_204_661_170L, 6, CPUS_0_TO_7),
                    new XendVcpu(2, true, true, false, 36_719_272_005L, 2, CPUS_0_TO_7),
                    new XendVcpu(3, false, false, false, 0L, 0, CPUS_0_TO_7))))),
            Map.entry("vcpuinfo/xen4.1-inactive-managed.sxp", new Vcpus(new XendVcpus(OptionalInt.empty(), "build-spare", 2, List.of(
                    new XendVcpu(0, false, false, false, 0L, -1, List.of(0)),
                    new XendVcpu(1, false, false, false, 0L, -1, range(0, 64)))))),
            Map.entry("vcpuinfo/xen3.0.0-vcpu-count-is-online.sxp", new Vcpus(new XendVcpus(OptionalInt.of(2), "sarge-pv", 2, List.of(
                    new XendVcpu(0, true, true, false, 21_330_571_205L, 0, List.of(0, 1)),
                    new XendVcpu(1, true, false, true, 16_174_139_918L, 1, List.of(0, 1)),
                    new XendVcpu(2, false, false, false, 0L, 0, List.of(0, 1)),
                    new XendVcpu(3, false, false, false, 0L, 1, List.of(0, 1)))))),
            Map.entry("vcpuinfo/xen4.1-paused.sxp", new Vcpus(new XendVcpus(OptionalInt.of(9), "winxp-test", 1, List.of(
                    new XendVcpu(0, true, false, false, 42_000L, 2, range(0, 4)))))),
            Map.entry("vcpuinfo/xen4.2-wide-host-pinned.sxp", new Vcpus(new XendVcpus(OptionalInt.of(21), "hpc-probe", 3, List.of(
                    new XendVcpu(0, true, false, true, 86_400_123_456_700L, 63, range(0, 64)),
                    new XendVcpu(1, true, true, false, 86_399_987_654_300L, 40, range(32, 64)),
                    new XendVcpu(2, true, false, true, 1_000L, 17, List.of(17)))))),
            Map.entry("node/xen4.1-8-cpus.sxp", new Node(new XendNode(8, 1, 4, 2, 2394, 24566, 4, 1, ".2", 4))),
            Map.entry("node/xen4.4-32-cpus-2-nodes.sxp", new Node(new XendNode(32, 2, 8, 2, 2600, 131037, 4, 4, ".0", 4))),
            Map.entry("node/xen3.0.0-no-config-format.sxp", new Node(new XendNode(2, 1, 1, 2, 2793, 1023, 3, 0, ".0", 1))),
            Map.entry("node/xen3.0.4-config-format-3.sxp", new Node(new XendNode(4, 1, 2, 1, 2992, 8191, 3, 0, ".4-1", 3))),
            Map.entry("error/set-vcpus-above-max.sxp", new XendErr("Cannot set vcpus greater than max vcpus on running domain")),
            Map.entry("error/set-vcpus-zero.sxp", new XendErr("Zero or less VCPUs is invalid")),
            Map.entry("error/pincpu-xen-refuses.sxp", new XendErr("Cannot pin vcpu: 1 to cpu: [0, 9] - (22, 'Invalid argument')")),
            Map.entry("error/pincpu-bracketed-cpumap.sxp", new XendErr("invalid literal for int() with base 10: '[0'")),
            Map.entry("error/missing-parameter.sxp", new XendErr("Missing parameter: vcpus")),
            Map.entry("error/both-quote-kinds.sxp", new XendErr("invalid literal for int() with base 10: '2\"'")),
            Map.entry("error/invalid-domain-fault.sxp", new XendErr("<Fault 3: 'ghost01'>")),
            Map.entry("op-result/set-vcpus-empty-body.sxp", new OpResult(List.of())),
            Map.entry("op-result/pincpu-zero.sxp", new OpResult(List.of(Sexpr.atom("0")))),
            // offsets counted in the file's bytes, as the corpus README states them
            Map.entry("malformed/unterminated-string.sxp", new Malformed(88, "in a string")),
            Map.entry("malformed/truncated-mid-atom.sxp", new Malformed(174, "unclosed")),
            Map.entry("malformed/truncated-in-escape.sxp", new Malformed(64, "in an escape")),
            Map.entry("malformed/stray-close-paren.sxp", new Malformed(138, "without a matching")),
            Map.entry("malformed/unclosed-second-domain.sxp", new Malformed(289, "line 16 column 1")));

    /** Pretty-printed files and the single-line file holding the same value. */
    static final Map<String, String> TWINS = Map.of(
            "domain-pretty/xm-list-l-xen4.1-web01.sxp", "domain/xen4.1-pv-running.sxp",
            "domain-pretty/xm-list-l-xen4.1-strings.sxp", "domain/xen4.1-strings-needing-quotes.sxp");

    private static XendDomain web01() {
        return domain(3, "web01", "6b1f0e52-93a4-4c1d-b8e7-2f60c9d41a35", 4, "f", 4, 1_523_488_612_740L,
                List.of(List.of(0, 1), List.of(0, 1), List.of(2, 3), List.of(2, 3)), "-b----");
    }

    private static XendDomain dbCache() {
        return domain(17, "db+cache", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", 2, "3", 2, 7_208_915_220_770L, empties(2), "-b----");
    }

    /** A domain; null stands for a field the file does not have. */
    private static XendDomain domain(Integer domid, String name, String uuid, int vcpus, String availHex,
            Integer online, Long cpuTimeNs, List<List<Integer>> cpus, String state) {
        return new XendDomain(
                domid == null ? OptionalInt.empty() : OptionalInt.of(domid),
                name,
                UUID.fromString(uuid),
                vcpus,
                new BigInteger(availHex, 16),
                online == null ? OptionalInt.empty() : OptionalInt.of(online),
                cpuTimeNs == null ? OptionalLong.empty() : OptionalLong.of(cpuTimeNs),
                cpus,
                Optional.ofNullable(state));
    }

    /** {@code n} vCPUs without affinity: {@code (cpus (() () ...))}. */
    private static List<List<Integer>> empties(int n) {
        return Collections.nCopies(n, List.of());
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }
}
