package org.jxen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Assertions on jxen's errors: the code, and a message that names what was wrong. */
final class Errors {

    private Errors() {
    }

    static JxenException assertInvalid(Executable call, String... mustMention) {
        return assertError(ErrorCode.INVALID_ARG, call, mustMention);
    }

    static JxenException assertError(ErrorCode code, Executable call, String... mustMention) {
        JxenException e = assertThrows(JxenException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        for (String s : mustMention) {
            assertTrue(e.getMessage().contains(s), "message '" + e.getMessage() + "' should mention '" + s + "'");
        }
        return e;
    }
}
