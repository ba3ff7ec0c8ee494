package org.jxen.xenstore.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jxen.xenstore.XenstoreTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection's bookkeeping of requests, against a daemon end that the test drives with the codec. */
class ConnectionTest {
    private static final int REQUESTS = 200;
    /** Guards against a hang only; the connection's own timeout is 1 s. */
    private static final long GUARD_SECONDS = 10;

    private Path directory;
    private ServerSocketChannel server;
    private SocketChannel daemon;
    private Connection connection;

    @BeforeEach
    void connect() throws IOException {
        directory = Files.createTempDirectory("connection-test");
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(directory.resolve("socket"));
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address);
        connection = new Connection(SocketChannel.open(address), Duration.ofSeconds(1), event -> { });
        daemon = server.accept();
    }

    @AfterEach
    void close() throws IOException {
        connection.close();
        daemon.close();
        server.close();
        Files.deleteIfExists(directory.resolve("socket"));
        Files.deleteIfExists(directory);
    }

    private byte[] read(String path) {
        return connection.call(Op.READ, 0, Payloads.of(path), value -> value);
    }

    @Test
    void timedOutRequestsLeaveNothingPendingAndTheirLateRepliesGoNowhere() throws Exception {
        List<Frame> stalled = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                calls.add(callers.submit(() -> assertThrows(XenstoreTimeoutException.class, () -> read("/a"))));
            }
            for (int i = 0; i < REQUESTS; i++) {
                stalled.add(Frame.read(daemon));
            }
            for (Future<?> call : calls) {
                call.get(GUARD_SECONDS, TimeUnit.SECONDS);
            }
        }
        assertEquals(0, connection.pendingCount(), "entries left after " + REQUESTS + " timeouts");

        for (Frame request : stalled) {
            daemon.write(new Frame(request.type(), request.reqId(), 0, "late".getBytes(StandardCharsets.US_ASCII)).encode());
        }
        CompletableFuture<byte[]> next = CompletableFuture.supplyAsync(() -> read("/b"));
        Frame fresh = Frame.read(daemon);
        daemon.write(new Frame(fresh.type(), fresh.reqId(), 0, "fresh".getBytes(StandardCharsets.US_ASCII)).encode());
        assertArrayEquals("fresh".getBytes(StandardCharsets.US_ASCII), next.get(GUARD_SECONDS, TimeUnit.SECONDS));
        assertTrue(connection.isOpen(), "late replies are no protocol error");
        assertEquals(REQUESTS, connection.lateReplies());
        assertEquals(0, connection.pendingCount());
    }
}
