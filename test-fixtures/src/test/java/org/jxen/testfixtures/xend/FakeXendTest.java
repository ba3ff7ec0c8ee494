package org.jxen.testfixtures.xend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jxen.testfixtures.host.SimulatedHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake's wire conventions, checked with hand-written HTTP rather than through XendClient. */
class FakeXendTest {

    @TempDir
    Path dir;

    private SimulatedHost host;
    private FakeXend xend;

    @BeforeEach
    void start() throws IOException {
        host = SimulatedHost.defaultHost();
        xend = FakeXend.start(host, dir);
    }

    @AfterEach
    void stop() {
        xend.close();
    }

    /** Sends raw bytes and returns everything the fake writes until it closes the connection. */
    private String exchange(String request) throws IOException {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(xend.socketPath()));
            c.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            return new String(Channels.newInputStream(c).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String post(String path, String form) throws IOException {
        return exchange("POST " + path + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + form.length() + "\r\n\r\n" + form);
    }

    @Test
    void repliesWithXendsHeaderSpellingAndSxpBodies() throws IOException {
        assertEquals("HTTP/1.1 200 OK\r\nContent-type: application/sxp\r\nContent-length: 15\r\n"
                + "Pragma: no-cache\r\nCache-control: no-cache\r\nExpires: -1\r\n\r\n(Domain-0 demo)",
                exchange("GET /xend/domain HTTP/1.1\r\n\r\n"));
    }

    @Test
    void unknownDomainIs404PlainText() throws IOException {
        String reply = exchange("GET /xend/domain/nosuch HTTP/1.1\r\n\r\n");
        assertTrue(reply.startsWith("HTTP/1.1 404 Not Found\r\nContent-type: text/plain\r\n"), reply);
    }

    @Test
    void pincpuAnswersZeroAndSetVcpusAnEmptyBody() throws IOException {
        assertTrue(post("/xend/domain/demo", "op=pincpu&vcpu=0&cpumap=4%2C5").endsWith("Content-length: 1\r\n"
                + "Pragma: no-cache\r\nCache-control: no-cache\r\nExpires: -1\r\n\r\n0"));
        assertEquals(List.of(4, 5), host.domain(1).orElseThrow().vcpu(0).hardAffinity().stream().boxed().toList());
        String reply = post("/xend/domain/demo", "op=set_vcpus&vcpus=4");
        assertTrue(reply.startsWith("HTTP/1.1 200 OK\r\n") && reply.contains("Content-length: 0\r\n") && reply.endsWith("\r\n\r\n"), reply);
        assertEquals(4, host.domain(1).orElseThrow().onlineVcpus());
    }

    @Test
    void opErrorsAre500WithXendErr() throws IOException {
        assertTrue(post("/xend/domain/demo", "op=set_vcpus&vcpus=0")
                .endsWith("\r\n\r\n(xend.err 'Zero or less VCPUs is invalid')"));
        assertTrue(post("/xend/domain/demo", "op=set_vcpus&vcpus=-3").startsWith("HTTP/1.1 500 Request failed: set_vcpus\r\n"));
        assertTrue(post("/xend/domain/demo", "op=set_vcpus&vcpus=9")
                .endsWith("(xend.err 'Cannot set vcpus greater than max vcpus on running domain')"));
        assertTrue(post("/xend/domain/demo", "op=pincpu&vcpu=0&cpumap=%5B0%2C1%5D")
                .endsWith("(xend.err \"invalid literal for int() with base 10: '[0'\")"));
        assertTrue(post("/xend/domain/demo", "op=pincpu&vcpu=0").endsWith("(xend.err 'Missing parameter: cpumap')"));
        assertTrue(post("/xend/domain/demo", "op=set_vcpus&vcpus=1&vcpus=2").endsWith("(xend.err 'Too many values for vcpus')"));
        assertEquals(2, host.domain(1).orElseThrow().onlineVcpus(), "no failed op changed anything");
    }

    @Test
    void unknownOpIs501AndAMissingOpIs406() throws IOException {
        String reply = post("/xend/domain/demo", "op=frobnicate");
        assertTrue(reply.startsWith("HTTP/1.1 501 Not Implemented\r\nContent-type: text/plain\r\n"), reply);
        assertTrue(reply.endsWith("Operation not implemented: frobnicate"), reply);
        assertTrue(post("/xend/domain/demo", "vcpus=2").startsWith("HTTP/1.1 406 "));
    }

    @Test
    void oversizedRequestBodiesAre413() throws IOException {
        String form = "op=set_vcpus&vcpus=2&pad=" + "x".repeat(10_000);
        assertTrue(post("/xend/domain/demo", form).startsWith("HTTP/1.1 413 "));
    }

    @Test
    void aGetWithAnOpOtherThanVcpuinfoShowsTheDomain() throws IOException {
        assertTrue(exchange("GET /xend/domain/1?op=set_vcpus&vcpus=4 HTTP/1.1\r\n\r\n").contains("(domain (domid 1)"));
        assertEquals(2, host.domain(1).orElseThrow().onlineVcpus());
    }

    @Test
    void formatsCpuTimeAsPython2PrintsFloats() {
        assertEquals("0.0", XendRoutes.pythonFloat(0));
        assertEquals("14.629698989", XendRoutes.pythonFloat(14.629698989));
        assertEquals("1.0", XendRoutes.pythonFloat(1));
        assertEquals("1e-05", XendRoutes.pythonFloat(0.00001));
        assertEquals("0.333333333333", XendRoutes.pythonFloat(1.0 / 3));
        assertEquals("1.23456789012e+12", XendRoutes.pythonFloat(1234567890123.0));
    }
}
