package org.jxen.xend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads every file of jxen's own xend corpus (test resources under {@code corpus/}, described in
 * its README.md) and compares what the reader and the typed views make of it with
 * {@link CorpusExpectations}, typed in by hand from each file's text.
 */
class CorpusTest {

    private static final Path CORPUS = corpus();

    private static Path corpus() {
        try {
            return Path.of(CorpusTest.class.getResource("corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String file) throws IOException {
        return Files.readAllBytes(CORPUS.resolve(file));
    }

    private static Sexpr.SList readList(String file) throws IOException {
        return assertInstanceOf(Sexpr.SList.class, SexprReader.readOne(bytes(file)));
    }

    @Test
    void theTableNamesEveryFileOfTheCorpusAndNoOther() throws IOException {
        Set<String> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(p -> p.toString().endsWith(".sxp"))
                    .map(p -> CORPUS.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(CorpusExpectations.FILES.keySet()), files);
    }

    @TestFactory
    Stream<DynamicTest> everyFileReadsAsItsTextSays() {
        return new TreeSet<>(CorpusExpectations.FILES.keySet()).stream()
                .map(file -> DynamicTest.dynamicTest(file, () -> check(file, CorpusExpectations.FILES.get(file))));
    }

    private static void check(String file, CorpusExpectations.Expected expected) throws IOException {
        byte[] input = bytes(file);
        if (expected instanceof CorpusExpectations.Malformed(long offset, String what)) {
            SexprException e = assertThrows(SexprException.class, () -> SexprReader.readAll(input));
            assertEquals(offset, e.offset(), e.getMessage());
            assertTrue(e.getMessage().contains(what), e.getMessage());
            return;
        }
        List<Sexpr> values = SexprReader.readAll(input);
        switch ((CorpusExpectations.WellFormed) expected) {
            case CorpusExpectations.Domains(List<XendDomain> domains) ->
                    assertEquals(domains, values.stream().map(v -> XendDomain.from((Sexpr.SList) v)).toList());
            case CorpusExpectations.DomainList(List<XendDomain> domains) ->
                    assertEquals(domains, single(values).items().stream().map(v -> XendDomain.from((Sexpr.SList) v)).toList());
            case CorpusExpectations.Names(List<String> names) ->
                    assertEquals(names, single(values).items().stream().map(n -> ((Sexpr.Atom) n).text()).toList());
            case CorpusExpectations.Vcpus(XendVcpus vcpus) -> assertEquals(vcpus, XendVcpus.from(single(values)));
            case CorpusExpectations.Node(XendNode node) -> assertEquals(node, XendNode.from(single(values)));
            case CorpusExpectations.XendErr(String message) ->
                    assertEquals(Sexpr.list(Sexpr.atom("xend.err"), Sexpr.atom(message)), single(values));
            case CorpusExpectations.OpResult(List<Sexpr> result) -> assertEquals(result, values);
        }
        for (Sexpr value : values) {
            String written = SexprWriter.write(value);
            assertEquals(value, SexprReader.readOne(written), "write-read round trip");
        }
    }

    private static Sexpr.SList single(List<Sexpr> values) {
        assertEquals(1, values.size(), "top-level values");
        return assertInstanceOf(Sexpr.SList.class, values.getFirst());
    }

    @Test
    void prettyPrintedDomainsReadAsTheirSingleLineTwins() throws IOException {
        for (var twin : CorpusExpectations.TWINS.entrySet()) {
            assertEquals(SexprReader.readAll(bytes(twin.getValue())), SexprReader.readAll(bytes(twin.getKey())), twin.getKey());
        }
    }

    @Test
    void quotedStringsDecodeAsPythonsReprWroteThem() throws IOException {
        Sexpr.SList d = readList("domain/xen4.1-strings-needing-quotes.sxp");
        assertEquals(Optional.of("Ops notes:\n\tlive since 2011-10\n\tsee \"runbook\" \\\\fs01\\ops\\db.txt\n\tit's pinned nowhere"),
                d.string("description"));
        assertEquals(Optional.of("--entry=xvda1:/vmlinuz,/initrd.img --args='console=hvc0 quiet'"), d.string("bootloader_args"));
        List<Sexpr.SList> devices = d.children("device");
        assertEquals(Optional.of("file:/srv/images/caf\u00e9-db.img"), devices.get(0).child("vbd").orElseThrow().string("uname"));
        assertEquals(Optional.of("br-db 2"), devices.get(1).child("vif").orElseThrow().string("bridge"));
        assertEquals(Optional.of(""), d.string("features"));

        Sexpr.SList node = readList("node/xen4.1-8-cpus.sxp");
        assertEquals(Optional.of("#1 SMP Tue Jun 14 12:46:30 UTC 2011"), node.string("version"));
        String topology = node.string("cpu_topology").orElseThrow();
        assertTrue(topology.startsWith("\ncpu:    core    socket     node\n  0:       0        0        0\n"), topology);
        assertTrue(topology.endsWith("\n  7:       3        0        0"), topology);
        assertEquals(Optional.of("none"), node.string("numa_info"));
    }

    @Test
    void pythonLongsArriveQuotedAndReadAsNumbers() throws IOException {
        Sexpr.SList notes = readList("domain/xen4.1-pv-running.sxp").child("image").orElseThrow()
                .child("linux").orElseThrow().child("notes").orElseThrow();
        assertEquals(Optional.of(new BigInteger("ffff800000000000", 16)), notes.bitmaskValue("HV_START_LOW", 64));
        assertEquals(Optional.of(new BigInteger("ffffffff80000000", 16)), notes.bitmaskValue("VIRT_BASE", 64));
        assertThrows(SexprException.class, () -> notes.longValue("HV_START_LOW"), "beyond a signed 64-bit long");
    }

    @Test
    void xend300PrintsVcpusTwiceAndTheFirstIsRead() throws IOException {
        Sexpr.SList d = readList("domain/xen3.0.0-pv-uuid-8-8-8-8-vcpus-twice.sxp");
        assertEquals(2, d.items().stream().filter(i -> i instanceof Sexpr.SList l && l.name().equals(Optional.of("vcpus"))).count());
        assertEquals(Optional.of("9f3e1a5c-7b2d4e68-a1c3e5f7-092b4d6f"), d.string("uuid"));
    }
}
