package org.jxen.testfixtures.xend;

import java.nio.charset.StandardCharsets;
import org.jxen.xend.Sexpr;
import org.jxen.xend.SexprWriter;

/** A reply before it is put on the wire. */
record XendReply(int status, String reason, String contentType, byte[] body) {

    static XendReply sxp(Sexpr value) {
        return new XendReply(200, "OK", "application/sxp", SexprWriter.write(value).getBytes(StandardCharsets.US_ASCII));
    }

    /** An op that returned Python's None: xend writes no body. */
    static XendReply empty() {
        return new XendReply(200, "OK", "application/sxp", new byte[0]);
    }

    /** An op that raised: 500 and {@code (xend.err '...')}. */
    static XendReply xendError(String op, String message) {
        return new XendReply(500, "Request failed: " + op, "application/sxp",
                SexprWriter.write(Sexpr.list(Sexpr.atom("xend.err"), Sexpr.atom(message))).getBytes(StandardCharsets.US_ASCII));
    }

    static XendReply text(int status, String reason, String text) {
        return new XendReply(status, reason, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }
}
