package org.jxen.xend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SexprReaderTest {

    private static Sexpr.Atom a(String text) {
        return new Sexpr.Atom(text);
    }

    private static Sexpr.SList l(Sexpr... items) {
        return new Sexpr.SList(List.of(items));
    }

    private static List<Sexpr> read(String text) {
        return SexprReader.readAll(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static SexprException fails(String text) {
        return assertThrows(SexprException.class, () -> read(text));
    }

    @Test
    void readsAtomsListsAndSeveralTopLevelValues() {
        assertEquals(List.of(l(a("domain"), l(a("domid"), a("3")), l(a("name"), a("demo"))), a("x"), l()),
                read("(domain (domid 3)(name demo))\n x ()"));
    }

    @Test
    void readsBothQuoteStylesAsPlainText() {
        assertEquals(List.of(l(a("a b"), a("it's"), a(""), a("4"))), read("('a b' \"it's\" '' '4')"));
    }

    @Test
    void decodesEscapesAsXendDoes() {
        assertEquals(List.of(a("\u0007\b\t\n\u000b\f\r")), read("'\\a\\b\\t\\n\\v\\f\\r'"));
        assertEquals(List.of(a("\\ ' \"")), read("'\\\\ \\' \\\"'"));
        assertEquals(List.of(a("AJ\u0004")), read("\"\\x41\\x4a\\x4\""));
        assertEquals(List.of(a("A0\u0007x")), read("'\\101\\60\\7x'"));
        assertEquals(List.of(a("\u0000")), read("'\\0'"));
        assertEquals(List.of(a("\\q\\(")), read("'\\q\\('"));
    }

    @Test
    void unknownEscapeBeforeTheDelimiterKeepsTheBackslashAndEndsTheString() {
        // '\z' is unknown: backslash kept, z kept; the next ' closes the string
        assertEquals(List.of(a("\\z"), a("b")), read("'\\z' b"));
    }

    @Test
    void hexAndOctalEscapesBuildUtf8Bytes() {
        assertEquals(List.of(a("é"), a("é")), read("'\\xc3\\xa9' '\\303\\251'"));
    }

    @Test
    void commentsRunToTheEndOfTheLineAndEndAtoms() {
        assertEquals(List.of(l(a("a"), a("b"))), read("# heading\n(a# trailing ) not closed here\n b)"));
    }

    @Test
    void separatorsEndAtomsAndStartNewOnes() {
        // xend's atoms stop before { } < > [ ] ; but a separator may begin the next atom
        assertEquals(List.of(l(a("[0,1"), a("]"), a("a"), a(";b"), a("<c"), a(">"))), read("([0,1] a;b <c>)"));
    }

    @Test
    void quotesAndBackslashesInsideAtomsAreOrdinary() {
        assertEquals(List.of(l(a("ab'cd\"e"), a("x\\y"), a("\\"))), read("(ab'cd\"e x\\y \\)"));
    }

    @Test
    void ctrlDEndsTheInputAtTopLevel() {
        assertEquals(List.of(l(a("a"))), read("(a)\u0004(this is ignored"));
    }

    @Test
    void ctrlDInsideAListIsAnUnexpectedEnd() {
        assertTrue(fails("(a \u0004 b)").getMessage().contains("invalid character 0x04"));
    }

    @Test
    void emptyAndBlankInputHoldNoValues() {
        assertEquals(List.of(), read(""));
        assertEquals(List.of(), read(" \t\r\n\u000b\f# only a comment"));
    }

    @Test
    void readOneInsistsOnExactlyOneValue() {
        assertEquals(l(a("a")), SexprReader.readOne("(a)"));
        assertThrows(SexprException.class, () -> SexprReader.readOne("(a) (b)"));
        assertThrows(SexprException.class, () -> SexprReader.readOne(""));
    }

    @Test
    void unclosedListPointsAtTheInnermostOpening() {
        SexprException e = fails("(a\n (b (c)");
        assertTrue(e.getMessage().contains("unclosed"), e.getMessage());
        assertEquals(4, e.offset());
        assertTrue(e.getMessage().contains("line 2 column 2"), e.getMessage());
    }

    @Test
    void strayClosingParenthesisIsAnError() {
        assertEquals(3, fails("(a))").offset());
        assertEquals(0, fails(")").offset());
    }

    @Test
    void deepNestingWithinTheLimitParsesWithoutRecursion() {
        int depth = 100_000;
        byte[] text = ("(".repeat(depth) + "x" + ")".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
        List<Sexpr> values = SexprReader.readAll(text, new SexprReader.Limits(depth, 16));
        Sexpr s = values.getFirst();
        int levels = 0;
        while (s instanceof Sexpr.SList list) {
            levels++;
            s = list.items().getFirst();
        }
        assertEquals(depth, levels);
        assertEquals(a("x"), s);
        // equality, hashing and printing walk the value without recursing either
        List<Sexpr> again = SexprReader.readAll(text, new SexprReader.Limits(depth, 16));
        assertEquals(values.getFirst(), again.getFirst());
        assertEquals(values.getFirst().hashCode(), again.getFirst().hashCode());
        assertEquals(new String(text, StandardCharsets.US_ASCII), values.getFirst().toString());
    }

    @Test
    void nestingBeyondTheLimitIsRefusedWithoutOverflowingTheStack() {
        SexprException e = fails("(".repeat(100_000));
        assertTrue(e.getMessage().contains("deeper than 256"), e.getMessage());
        assertEquals(256, e.offset());
    }

    @Test
    void unterminatedStringsAndEscapesAreErrors() {
        assertTrue(fails("('abc)").getMessage().contains("in a string"));
        assertTrue(fails("'abc\\").getMessage().contains("in an escape"));
        assertTrue(fails("\"abc\\\"").getMessage().contains("in a string"));
        assertTrue(fails("'\\x'").getMessage().contains("without hex digits"));
        assertTrue(fails("'\\xg'").getMessage().contains("without hex digits"));
        assertTrue(fails("'\\400'").getMessage().contains("out of range"));
    }

    @Test
    void atomsAndStringsBeyondTheTokenLimitAreRefused() {
        SexprReader.Limits small = new SexprReader.Limits(8, 4);
        assertEquals(List.of(a("abcd"), a("wxyz")), SexprReader.readAll("abcd 'wxyz'".getBytes(StandardCharsets.US_ASCII), small));
        assertThrows(SexprException.class, () -> SexprReader.readAll("abcde".getBytes(StandardCharsets.US_ASCII), small));
        assertThrows(SexprException.class, () -> SexprReader.readAll("'abcde'".getBytes(StandardCharsets.US_ASCII), small));
        assertTrue(fails("x".repeat(70_000)).getMessage().contains("atom longer than 65536 bytes"));
        assertTrue(fails("'" + "x".repeat(70_000) + "'").getMessage().contains("string longer than 65536 bytes"));
    }

    @Test
    void nulAndControlBytesAreRefusedWherePrintedXendNeverPutsThem() {
        assertEquals(0, fails("\u0000").offset());
        assertEquals(3, fails("(ab\u0000)").offset());
        assertEquals(2, fails("'a\u0001b'").offset());
        assertEquals(1, fails("a\u007f").offset());
        assertTrue(fails("(\u001b)").getMessage().contains("invalid character 0x1B"));
        // whitespace control characters are fine inside strings
        assertEquals(List.of(a("a\tb\nc")), read("'a\tb\nc'"));
    }

    @Test
    void invalidUtf8IsRefused() {
        assertTrue(fails("ab\u00ff").getMessage().contains("invalid UTF-8"));
        assertTrue(fails("'\u00c3('").getMessage().contains("invalid UTF-8"));
        assertTrue(fails("'\\xc3'").getMessage().contains("invalid UTF-8"));
        assertTrue(fails("'\\xed\\xa0\\x80'").getMessage().contains("invalid UTF-8"), "an encoded surrogate");
        // an atom cannot begin with a non-ASCII byte (xend: "invalid character")
        assertTrue(fails("\u00e9").getMessage().contains("invalid character 0xE9"));
    }

    @Test
    void rawUtf8IsReadInAtomTailsAndStrings() {
        assertEquals(List.of(a("caf\u00e9"), a("\u00e9t\u00e9")),
                SexprReader.readAll("caf\u00e9 '\u00e9t\u00e9'".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SexprReader.Limits(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SexprReader.Limits(1, 0));
    }
}
