package org.jxen.xend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SexprWriterTest {

    private static Sexpr.Atom a(String text) {
        return new Sexpr.Atom(text);
    }

    private static Sexpr.SList l(Sexpr... items) {
        return new Sexpr.SList(List.of(items));
    }

    @Test
    void writesOnOneLineWithSingleSpacesAsSxpShowDoes() {
        assertEquals("(domain (domid 3) (name demo) (cpus ((0 1) ())) ())",
                SexprWriter.write(l(a("domain"), l(a("domid"), a("3")), l(a("name"), a("demo")),
                        l(a("cpus"), l(l(a("0"), a("1")), l())), l())));
    }

    @Test
    void leavesXendAtomsBareAndQuotesEverythingElseLikePythonRepr() {
        assertEquals("Domain-0", SexprWriter.write(a("Domain-0")));
        assertEquals("/var/lib/xen:x.y_z~1", SexprWriter.write(a("/var/lib/xen:x.y_z~1")));
        assertEquals("@", SexprWriter.write(a("@")));
        assertEquals("''", SexprWriter.write(a("")));
        assertEquals("'a b'", SexprWriter.write(a("a b")));
        assertEquals("'@@'", SexprWriter.write(a("@@")));
        assertEquals("-b----", SexprWriter.write(a("-b----")));
        assertEquals("\"it's\"", SexprWriter.write(a("it's")));
        assertEquals("'say \"hi\"'", SexprWriter.write(a("say \"hi\"")));
        assertEquals("'it\\'s \"x\"'", SexprWriter.write(a("it's \"x\"")));
        assertEquals("'a\\tb\\nc\\rd\\\\e'", SexprWriter.write(a("a\tb\nc\rd\\e")));
        assertEquals("'\\x00\\x07\\x7f'", SexprWriter.write(a("\u0000\u0007\u007f")));
        assertEquals("'caf\\xc3\\xa9'", SexprWriter.write(a("café")));
        assertEquals("'(xend.err)'", SexprWriter.write(a("(xend.err)")));
    }

    @Test
    void refusesTextWithoutAUtf8Form() {
        assertThrows(IllegalArgumentException.class, () -> SexprWriter.write(a("bad \ud800 surrogate")));
    }

    @Test
    void trickyValuesReadBackIdentically() {
        List<Sexpr> values = List.of(
                a(""), a("@"), a("#not a comment"), a("None"), a("'"), a("\""), a("'\""), a("\\"), a("\\x41"),
                a("(a)"), a("a;b"), a("[0,1]"), a("\u0000\u0001\u0004\u001f\u007f"), a("\t\n\u000b\f\r "),
                a("日本語 ✓ \ud83d\ude00"), a("0"), a("-1.5e-05"), l(), l(l(l())), l(a("x"), l(), a("y")));
        for (Sexpr v : values) {
            assertEquals(v, SexprReader.readOne(SexprWriter.write(v)), () -> "round trip of " + SexprWriter.write(v));
        }
    }

    @Test
    void randomValuesReadBackIdentically() {
        Random random = new Random(20240601); // fixed seed: the same values every run
        for (int i = 0; i < 500; i++) {
            Sexpr v = randomValue(random, 0);
            String text = SexprWriter.write(v);
            assertEquals(v, SexprReader.readOne(text.getBytes(StandardCharsets.US_ASCII)), text);
        }
    }

    @Test
    void writesAndReadsBackDeepNestingWithoutRecursion() {
        Sexpr v = a("core");
        for (int i = 0; i < 100_000; i++) {
            v = l(v, a("n"));
        }
        String text = SexprWriter.write(v);
        assertEquals("(".repeat(100_000) + "core n)", text.substring(0, 100_007));
        assertEquals(v, SexprReader.readAll(text.getBytes(StandardCharsets.US_ASCII), new SexprReader.Limits(100_000, 16)).getFirst());
    }

    private static Sexpr randomValue(Random random, int depth) {
        if (depth > 4 || random.nextInt(3) == 0) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                String special = "()'\"\\#;[]{}<> @.-_:/~";
                int c = switch (random.nextInt(4)) {
                    case 0 -> 'a' + random.nextInt(26);
                    case 1 -> random.nextInt(0x80);
                    case 2 -> special.charAt(random.nextInt(special.length()));
                    default -> 0x80 + random.nextInt(0x10FFFF - 0x80);
                };
                text.appendCodePoint(c >= 0xD800 && c <= 0xDFFF ? 0xE9 : c); // surrogates are not characters
            }
            return a(text.toString());
        }
        List<Sexpr> items = new ArrayList<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            items.add(randomValue(random, depth + 1));
        }
        return new Sexpr.SList(items);
    }
}
