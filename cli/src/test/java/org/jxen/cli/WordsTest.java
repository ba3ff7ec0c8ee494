package org.jxen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a call or a shell line becomes commands of words. */
class WordsTest {

    @Test
    void aLineSplitsOnBlanksAndSemicolons() {
        assertEquals(List.of(List.of("setvcpus", "demo", "3"), List.of("vcpuinfo", "demo")),
                Words.ofLine("  setvcpus demo 3;vcpuinfo\tdemo ;; "));
    }

    @Test
    void quotesAndBackslashesKeepBlanksAndSemicolons() {
        assertEquals(List.of(List.of("vcpuinfo", "my dom;x", "a\"b", "c d", "")),
                Words.ofLine("vcpuinfo 'my dom;x' \"a\\\"b\" c\\ d ''"));
    }

    @Test
    void aHashStartsAComment() {
        assertEquals(List.of(List.of("list"), List.of("nodeinfo", "a#b")), Words.ofLine("list; nodeinfo a#b # the host"));
        assertEquals(List.of(), Words.ofLine("# only a comment"));
    }

    @Test
    void unterminatedQuotesAreUsageErrors() {
        assertEquals("unterminated ' quote in: vcpuinfo 'demo",
                assertThrows(UsageException.class, () -> Words.ofLine("vcpuinfo 'demo")).getMessage());
        assertEquals("unterminated \" quote in: vcpuinfo \"demo",
                assertThrows(UsageException.class, () -> Words.ofLine("vcpuinfo \"demo")).getMessage());
        assertEquals("a backslash ends the line: list \\",
                assertThrows(UsageException.class, () -> Words.ofLine("list \\")).getMessage());
    }

    @Test
    void oneArgumentIsALine() {
        assertEquals(List.of(List.of("setvcpus", "demo", "3"), List.of("vcpuinfo", "demo")),
                Words.ofArgs(List.of("setvcpus demo 3; vcpuinfo demo")));
    }

    @Test
    void severalArgumentsAreWordsAlreadyAndSemicolonEndsACommand() {
        List<List<String>> expected = List.of(List.of("setvcpus", "demo", "3"), List.of("vcpuinfo", "my dom"));
        assertEquals(expected, Words.ofArgs(List.of("setvcpus", "demo", "3", ";", "vcpuinfo", "my dom")));
        assertEquals(expected, Words.ofArgs(List.of("setvcpus", "demo", "3;", "vcpuinfo", "my dom")));
        assertEquals(List.of(List.of("list")), Words.ofArgs(List.of(";", "list", ";")));
    }
}
