package org.jxen.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jxen.ErrorCode;
import org.jxen.JxenException;

/** Assertions on the facade's C-style results: -1 and the thread's last error. */
final class VirAssertions {

    private VirAssertions() {
    }

    /** The call returned -1 and left an error of {@code code} whose message mentions each string. */
    static JxenException assertFailed(int result, ErrorCode code, String... mustMention) {
        JxenException e = Libvirt.virGetLastError();
        assertEquals(-1, result, "result, with last error " + e);
        assertNotNull(e, "a call that returns -1 sets the last error");
        assertEquals(code, e.code(), e.getMessage());
        for (String s : mustMention) {
            assertTrue(e.getMessage().contains(s), "message '" + e.getMessage() + "' should mention '" + s + "'");
        }
        return e;
    }

    /** The call succeeded with {@code expected} and left no error. */
    static void assertSucceeded(int expected, int result) {
        assertEquals(expected, result, () -> "result, with last error " + Libvirt.virGetLastError());
        assertNull(Libvirt.virGetLastError(), "a call that succeeds leaves no last error");
    }
}
