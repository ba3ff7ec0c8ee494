package org.jxen.xend.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DomainPathTest {

    @Test
    void encodesEverythingButUnreservedCharactersIntoOneSegment() {
        assertEquals("/xend/domain/Domain-0", DomainPath.of("Domain-0"));
        assertEquals("/xend/domain/7", DomainPath.of("7"));
        assertEquals("/xend/domain/%2E%2E%2Fnode", DomainPath.of("../node"));
        assertEquals("/xend/domain/%2E%2E", DomainPath.of(".."));
        assertEquals("/xend/domain/a%3Fb", DomainPath.of("a?b"));
        assertEquals("/xend/domain/%252e", DomainPath.of("%2e"));
        assertEquals("/xend/domain/a%2Fb", DomainPath.of("a/b"));
        assertEquals("/xend/domain/a%20b%23c%2Bd", DomainPath.of("a b#c+d"));
        assertEquals("/xend/domain/caf%C3%A9", DomainPath.of("café"));
        assertEquals("/xend/domain/%00%0D%0A", DomainPath.of("\u0000\r\n"));
    }

    @Test
    void refusesNamesThatCannotBeOneSegment() {
        assertThrows(IllegalArgumentException.class, () -> DomainPath.of(""));
        assertThrows(IllegalArgumentException.class, () -> DomainPath.of("a\ud800"));
    }
}
