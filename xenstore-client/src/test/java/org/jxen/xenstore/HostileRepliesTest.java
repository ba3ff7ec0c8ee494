package org.jxen.xenstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client against a hand-driven daemon that sends exactly the bytes each test wants. */
class HostileRepliesTest {
    /** Generous: only a guard against hanging, the client's own timeout is what is tested. */
    private static final long GUARD_SECONDS = 5;

    private final RawXenstored daemon = new RawXenstored();
    private final XenstoreClient xs = daemon.connect(300);

    @BeforeAll
    static void littleEndianHost() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the raw daemon writes x86 byte order");
    }

    @AfterEach
    void closeAll() throws Exception {
        xs.close();
        daemon.close();
        assertTrue(Threads.clientThreads().isEmpty(), () -> "left running: " + Threads.clientThreads());
    }

    @Test
    void wellFormedReplyIsDecoded() {
        var read = async(() -> xs.read("/local/domain/0/name"));
        RawXenstored.Request request = daemon.next();
        assertEquals(RawXenstored.READ, request.type());
        assertEquals(0, request.txId());
        assertEquals("/local/domain/0/name\0", request.text());
        daemon.reply(request, "Domain-0");
        assertArrayEquals("Domain-0".getBytes(StandardCharsets.US_ASCII), result(read));
    }

    @Test
    void writeSendsPathNulAndValueWithoutNul() {
        var write = async(() -> {
            xs.write("/a/b", "online");
            return null;
        });
        RawXenstored.Request request = daemon.next();
        assertEquals(RawXenstored.WRITE, request.type());
        assertEquals("/a/b\0online", request.text());
        daemon.reply(request, "OK\0");
        result(write);
    }

    @Test
    void truncatedHeaderIsAProtocolError() {
        var read = async(() -> xs.read("/a"));
        RawXenstored.Request request = daemon.next();
        byte[] whole = RawXenstored.message(RawXenstored.READ, request.reqId(), 0, 1, new byte[] {'x'});
        daemon.send(java.util.Arrays.copyOf(whole, 10));
        daemon.hangUp();
        assertProtocolError(read, "truncated header");
    }

    @Test
    void truncatedPayloadIsAProtocolError() {
        var read = async(() -> xs.read("/a"));
        RawXenstored.Request request = daemon.next();
        daemon.send(RawXenstored.message(RawXenstored.READ, request.reqId(), 0, 10, "abcd".getBytes(StandardCharsets.US_ASCII)));
        daemon.hangUp();
        assertProtocolError(read, "truncated payload");
    }

    @Test
    void lengthOverTheLimitIsAProtocolErrorAndClosesTheConnection() {
        var read = async(() -> xs.read("/a"));
        RawXenstored.Request request = daemon.next();
        daemon.send(RawXenstored.message(RawXenstored.READ, request.reqId(), 0, 4097, new byte[0]));
        assertProtocolError(read, "4097-byte payload");
        assertTheNextCallOpensANewConnection();
    }

    /** A broken connection is closed, not reused: the next call opens a new one and is answered on it. */
    private void assertTheNextCallOpensANewConnection() {
        var again = async(() -> xs.read("/again"));
        daemon.acceptAgain();
        RawXenstored.Request request = daemon.next();
        assertEquals("/again\0", request.text());
        daemon.reply(request, "fresh");
        assertArrayEquals("fresh".getBytes(StandardCharsets.US_ASCII), result(again));
    }

    @Test
    void replyToAnUnknownRequestIdFailsThePendingCall() {
        var read = async(() -> xs.read("/a"));
        RawXenstored.Request request = daemon.next();
        daemon.reply(RawXenstored.READ, request.reqId() + 7, 0, "x".getBytes(StandardCharsets.US_ASCII));
        assertProtocolError(read, "unknown req_id " + (request.reqId() + 7));
    }

    @Test
    void replyOfAnUnknownTypeIsAProtocolError() {
        var read = async(() -> xs.read("/a"));
        RawXenstored.Request request = daemon.next();
        daemon.reply(999, request.reqId(), 0, "x".getBytes(StandardCharsets.US_ASCII));
        assertProtocolError(read, "type 999");
    }

    @Test
    void replyOfAnotherKnownTypeIsAProtocolError() {
        var read = async(() -> xs.read("/a"));
        RawXenstored.Request request = daemon.next();
        daemon.reply(RawXenstored.DIRECTORY, request.reqId(), 0, "x\0".getBytes(StandardCharsets.US_ASCII));
        assertProtocolError(read, "to a READ request");
    }

    @Test
    void replyWithAnotherTransactionIdIsAProtocolError() {
        var read = async(() -> xs.read("/a"));
        RawXenstored.Request request = daemon.next();
        daemon.reply(RawXenstored.READ, request.reqId(), 5, new byte[0]);
        assertProtocolError(read, "tx_id 5");
    }

    @Test
    void directoryWithoutFinalNulIsAProtocolError() {
        var dir = async(() -> xs.directory("/a"));
        daemon.reply(daemon.next(), "b\0c");
        assertProtocolError(dir, "not NUL-terminated");
        assertTheNextCallOpensANewConnection();
    }

    @Test
    void ackOtherThanOkNulIsAProtocolError() {
        var mkdir = async(() -> {
            xs.mkdir("/a");
            return null;
        });
        daemon.reply(daemon.next(), "OK");
        assertProtocolError(mkdir, "not \"OK\\0\"");
    }

    @Test
    void errorNameWithoutNulIsAProtocolError() {
        var read = async(() -> xs.read("/a"));
        RawXenstored.Request request = daemon.next();
        daemon.reply(RawXenstored.ERROR, request.reqId(), 0, "ENOENT".getBytes(StandardCharsets.US_ASCII));
        assertProtocolError(read, "not NUL-terminated");
    }

    @Test
    void transactionIdThatIsNotANumberIsAProtocolError() {
        var start = async(xs::startTransaction);
        daemon.reply(daemon.next(), "seventeen\0");
        assertProtocolError(start, "not a transaction id");
    }

    @Test
    void garbageIsAProtocolError() {
        var read = async(() -> xs.read("/a"));
        daemon.next();
        byte[] noise = new byte[64];
        new Random(7).nextBytes(noise);
        daemon.send(noise);
        assertInstanceOf(XenstoreProtocolException.class, failure(read));
    }

    @ParameterizedTest
    @EnumSource(XenstoreError.class)
    void everyErrorNameIsTypedAndTheConnectionStaysUsable(XenstoreError error) {
        var read = async(() -> xs.read("/a"));
        RawXenstored.Request request = daemon.next();
        daemon.reply(RawXenstored.ERROR, request.reqId(), 0, (error.name() + "\0").getBytes(StandardCharsets.US_ASCII));
        assertEquals(error, assertInstanceOf(XenstoreErrorException.class, failure(read)).error());

        var again = async(() -> xs.read("/a"));
        daemon.reply(daemon.next(), "v");
        assertArrayEquals(new byte[] {'v'}, result(again));
    }

    @Test
    void unknownErrorNameMapsToEinvalAndKeepsTheName() {
        var read = async(() -> xs.read("/a"));
        RawXenstored.Request request = daemon.next();
        daemon.reply(RawXenstored.ERROR, request.reqId(), 0, "EWEIRD\0".getBytes(StandardCharsets.US_ASCII));
        XenstoreErrorException e = assertInstanceOf(XenstoreErrorException.class, failure(read));
        assertEquals(XenstoreError.EINVAL, e.error());
        assertTrue(e.getMessage().contains("EWEIRD"), e.getMessage());
    }

    @Test
    void oversizedWriteIsRefusedBeforeSending() {
        String path = "/local/domain/1/data";
        byte[] value = new byte[4096 - path.length()]; // path + NUL + value = 4097
        XenstoreErrorException e = assertThrows(XenstoreErrorException.class, () -> xs.write(path, value));
        assertEquals(XenstoreError.E2BIG, e.error());

        // The first thing the daemon sees is the next request, not the refused one.
        var read = async(() -> xs.read("/b"));
        RawXenstored.Request request = daemon.next();
        assertEquals("/b\0", request.text());
        daemon.reply(request, "");
        assertArrayEquals(new byte[0], result(read));
    }

    @Test
    void writeOfExactlyTheLimitIsSent() {
        String path = "/local/domain/1/data";
        byte[] value = new byte[4096 - path.length() - 1];
        var write = async(() -> {
            xs.write(path, value);
            return null;
        });
        RawXenstored.Request request = daemon.next();
        assertEquals(4096, request.payload().length);
        daemon.reply(request, "OK\0");
        result(write);
    }

    @Test
    void invalidPathIsRefusedBeforeSending() {
        for (String bad : List.of("", "/a//b", "/a/", "/a b", "@releaseDomain", "/x\u00e9")) {
            XenstoreErrorException e = assertThrows(XenstoreErrorException.class, () -> xs.read(bad), bad);
            assertEquals(XenstoreError.EINVAL, e.error());
        }
        var read = async(() -> xs.read("/ok"));
        assertEquals("/ok\0", daemon.next().text());
    }

    @Test
    void stalledDaemonTimesOutAndALateReplyIsDropped() {
        var read = async(() -> xs.read("/a"));
        RawXenstored.Request stalled = daemon.next();
        XenstoreTimeoutException e = assertInstanceOf(XenstoreTimeoutException.class, failure(read));
        assertTrue(e.getMessage().contains("300 ms"), e.getMessage());

        daemon.reply(stalled, "late");
        var next = async(() -> xs.read("/b"));
        daemon.reply(daemon.next(), "fresh");
        assertArrayEquals("fresh".getBytes(StandardCharsets.US_ASCII), result(next));
    }

    @Test
    void closeFailsPendingCallsAndStopsTheThreads() {
        var read = async(() -> xs.read("/a"));
        daemon.next();
        xs.close();
        assertInstanceOf(XenstoreConnectionException.class, failure(read));
        assertTrue(Threads.clientThreads().isEmpty(), () -> "left running: " + Threads.clientThreads());
        assertThrows(XenstoreConnectionException.class, () -> xs.read("/a"));
    }

    @Test
    void daemonHangingUpFailsPendingCalls() {
        var read = async(() -> xs.read("/a"));
        daemon.next();
        daemon.hangUp();
        XenstoreConnectionException e = assertInstanceOf(XenstoreConnectionException.class, failure(read));
        assertTrue(e.getMessage().contains("closed the connection"), e.getMessage());
    }

    @Test
    void watchEventsInterleavedWithRepliesReachTheListener() throws Exception {
        CompletableFuture<WatchEvent> seen = new CompletableFuture<>();
        var watch = async(() -> xs.watch("/local/domain/1/cpu", seen::complete));
        RawXenstored.Request request = daemon.next();
        assertEquals(RawXenstored.WATCH, request.type());
        String token = request.text().split("\0")[1];
        assertEquals("/local/domain/1/cpu\0" + token + "\0", request.text());
        // The event first, then the reply: both orders happen on a real daemon.
        daemon.reply(RawXenstored.WATCH_EVENT, 0, 0, ("/local/domain/1/cpu/0/availability\0" + token + "\0")
                .getBytes(StandardCharsets.US_ASCII));
        daemon.reply(request, "OK\0");
        assertEquals(token, result(watch).token());
        assertEquals(new WatchEvent("/local/domain/1/cpu/0/availability", token), seen.get(GUARD_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void commitAnsweredEagainIsTyped() {
        var start = async(xs::startTransaction);
        daemon.reply(daemon.next(), "42\0");
        Transaction tx = result(start);
        assertEquals(42, tx.id());
        var commit = async(() -> {
            tx.commit();
            return null;
        });
        RawXenstored.Request end = daemon.next();
        assertEquals(RawXenstored.TRANSACTION_END, end.type());
        assertEquals(42, end.txId());
        assertEquals("T\0", end.text());
        daemon.reply(RawXenstored.ERROR, end.reqId(), 42, "EAGAIN\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals(XenstoreError.EAGAIN, assertInstanceOf(XenstoreErrorException.class, failure(commit)).error());
        assertThrows(IllegalStateException.class, () -> tx.read("/a"));
    }

    private static void assertProtocolError(CompletableFuture<?> call, String detail) {
        XenstoreProtocolException e = assertInstanceOf(XenstoreProtocolException.class, failure(call));
        assertTrue(e.getMessage().contains(detail), () -> "message: " + e.getMessage());
    }

    private static <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, r -> Thread.ofPlatform().name("test-caller").start(r));
    }

    private static <T> T result(CompletableFuture<T> call) {
        try {
            return call.get(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("call failed", e);
        }
    }

    private static Throwable failure(CompletableFuture<?> call) {
        return assertThrows(ExecutionException.class, () -> call.get(GUARD_SECONDS, TimeUnit.SECONDS)).getCause();
    }
}
