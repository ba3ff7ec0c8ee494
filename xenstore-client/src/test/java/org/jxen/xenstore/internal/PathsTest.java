package org.jxen.xenstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jxen.xenstore.XenstoreError;
import org.jxen.xenstore.XenstoreErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** xenstored's node-name rules. */
class PathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/local/domain/0/cpu/3/availability", "cpu/0/availability", "/a-b_c@d", "/A9"})
    void validNodePaths(String path) {
        assertEquals(path, Paths.node(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "//", "/a//b", "/a/", "cpu/", "/a b", "/a\tb", "/a.b", "/a:b", "/\u00e9", "@releaseDomain"})
    void invalidNodePaths(String path) {
        assertEquals(XenstoreError.EINVAL, assertThrows(XenstoreErrorException.class, () -> Paths.node(path)).error());
    }

    @Test
    void specialPathsAreForWatchesOnly() {
        assertEquals("@introduceDomain", Paths.watch("@introduceDomain"));
        assertThrows(XenstoreErrorException.class, () -> Paths.node("@introduceDomain"));
    }

    @Test
    void lengthLimitsDifferForAbsoluteAndRelativePaths() {
        String absolute = "/" + "a".repeat(3071);
        assertEquals(absolute, Paths.node(absolute));
        assertThrows(XenstoreErrorException.class, () -> Paths.node(absolute + "a"));
        String relative = "a".repeat(2048);
        assertEquals(relative, Paths.node(relative));
        assertThrows(XenstoreErrorException.class, () -> Paths.node(relative + "a"));
    }
}
