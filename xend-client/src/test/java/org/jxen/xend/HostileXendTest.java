package org.jxen.xend;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** XendClient against a raw server that sends what a hostile or broken xend might. */
class HostileXendTest {

    /** The client's read timeout in these tests. */
    private static final long TIMEOUT_MILLIS = 1000;
    /** Guards against a hang only: generous for a loaded 2-core machine, far below what the defects took. */
    private static final Duration HANG = Duration.ofSeconds(10);
    private static final String NODE = "(node (nr_cpus 8) (nr_nodes 1) (cores_per_socket 4) (threads_per_core 2)"
            + " (cpu_mhz 2400) (total_memory 4096) (xen_major 4) (xen_minor 1) (xen_extra .2))";

    /** Runs {@code call} against a server playing {@code script}; returns the XendException it must end with. */
    private static XendException failure(RawXend.Script script, Function<XendClient, ?> call) throws Exception {
        return failure(script, 1 << 20, call);
    }

    private static XendException failure(RawXend.Script script, int maxBody, Function<XendClient, ?> call) throws Exception {
        try (RawXend xend = new RawXend(script)) {
            XendClient client = xend.client(TIMEOUT_MILLIS, maxBody);
            return assertTimeoutPreemptively(HANG, () -> assertThrows(XendException.class, () -> call.apply(client)));
        }
    }

    private static void assertProtocolError(XendException e, String... words) {
        assertEquals(XendException.Kind.PROTOCOL_ERROR, e.kind(), e::getMessage);
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), () -> "'" + word + "' not in: " + e.getMessage());
        }
    }

    private static void write(OutputStream out, String text) throws java.io.IOException {
        out.write(text.getBytes(US_ASCII));
    }

    /** Writes {@code block} again and again; in blocks of a MiB the server always stays ahead of the client. */
    private static void forever(OutputStream out, String block) throws java.io.IOException {
        byte[] bytes = block.repeat((1 << 20) / block.length() + 1).getBytes(US_ASCII);
        while (true) {
            out.write(bytes);
        }
    }

    @Test
    void oneHeaderLineStreamedForeverEndsAtTheLineBound() throws Exception {
        XendException e = failure(out -> {
            write(out, "HTTP/1.1 200 OK\r\n");
            forever(out, "X-Noise: " + "n".repeat(100) + "\r\n");
        }, XendClient::node);
        assertProtocolError(e, "100 header lines");
    }

    @Test
    void fiveThousandRepeatedHeaderLinesAreRefusedNotAppended() throws Exception {
        XendException e = failure(out -> {
            write(out, "HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 5000; i++) {
                write(out, "X-Repeat: " + i + "r".repeat(8000) + "\r\n");
            }
            write(out, "Content-Length: " + NODE.length() + "\r\n\r\n" + NODE);
        }, XendClient::node);
        // the byte bound comes first with lines this long
        assertProtocolError(e, "header lines over 65536 bytes");
    }

    @Test
    void headersOverTheByteBoundAreRefused() throws Exception {
        String line = "X-Big: " + "b".repeat(8000) + "\r\n";
        XendException e = failure(out -> {
            write(out, "HTTP/1.1 200 OK\r\n" + line.repeat(9) + "\r\n");
        }, XendClient::node);
        assertProtocolError(e, "65536");
    }

    @Test
    void aFastStreamCannotHoldTheCallerPastTheDeadline() throws Exception {
        // One-byte chunks cost the client far more than the server, so data is always waiting; with a
        // 512 MiB body limit only the deadline can end this.
        XendException e = failure(out -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            forever(out, "1\r\n(\r\n");
        }, 512 << 20, XendClient::node);
        assertEquals(XendException.Kind.TIMEOUT, e.kind(), e::getMessage);
    }

    @Test
    void repeatedContentLengthMustAgree() throws Exception {
        XendException e = failure(out -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + NODE.length()
                + "\r\nContent-length: 3\r\n\r\n" + NODE), XendClient::node);
        assertProtocolError(e, "content-length", String.valueOf(NODE.length()), "\"3\"");

        try (RawXend xend = new RawXend(out -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + NODE.length()
                + "\r\nContent-Length: " + NODE.length() + "\r\nServer: a\r\nServer: b\r\n\r\n" + NODE))) {
            assertEquals(8, xend.client(TIMEOUT_MILLIS, 1 << 20).node().nrCpus());
        }
    }

    @Test
    void aDomainWithVcpusBeyondXensLimitIsAProtocolErrorNamingTheField() throws Exception {
        String body = "(domain (domid 1) (name demo) (uuid 4dea22b3-1d52-d8f3-2516-782e98ab3fa0)"
                + " (vcpus 2147483647) (vcpu_avail 1))";
        XendException e = failure(out -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body),
                c -> c.domain("demo"));
        assertProtocolError(e, "vcpus", "2147483647");
    }
}
