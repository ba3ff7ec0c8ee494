package org.jxen.xenstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A xenstored driven by hand, for one connection: the test reads each request and writes back
 * whatever bytes it wants, well-formed or hostile. Encodes messages itself (little-endian, as on
 * the x86 hosts Xen runs on) rather than with the client's codec.
 */
final class RawXenstored implements AutoCloseable {
    static final int DIRECTORY = 1;
    static final int READ = 2;
    static final int WATCH = 4;
    static final int TRANSACTION_START = 6;
    static final int TRANSACTION_END = 7;
    static final int WRITE = 11;
    static final int WATCH_EVENT = 15;
    static final int ERROR = 16;

    private final Path directory;
    private final Path socket;
    private final ServerSocketChannel server;
    private SocketChannel client;

    /** A request as it arrived. */
    record Request(int type, int reqId, int txId, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.ISO_8859_1);
        }
    }

    RawXenstored() {
        try {
            directory = Files.createTempDirectory("raw-xenstored");
            socket = directory.resolve("socket");
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    XenstoreEndpoint endpoint() {
        return new XenstoreEndpoint.UnixSocket(socket);
    }

    /** Opens a client with the given timeout and accepts its connection. */
    XenstoreClient connect(long timeoutMillis) {
        XenstoreClient xs = XenstoreClient.open(endpoint(),
                XenstoreOptions.defaults().withTimeout(java.time.Duration.ofMillis(timeoutMillis)));
        try {
            client = server.accept();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return xs;
    }

    /** Accepts the client's next connection (after it dropped a broken one); requests are read from it. */
    void acceptAgain() {
        try {
            client.close();
            client = server.accept();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Request next() {
        ByteBuffer header = read(16);
        int type = header.getInt();
        int reqId = header.getInt();
        int txId = header.getInt();
        int len = header.getInt();
        return new Request(type, reqId, txId, read(len).array());
    }

    void send(byte[] bytes) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                client.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a whole message with this header and payload. */
    void reply(int type, int reqId, int txId, byte[] payload) {
        send(message(type, reqId, txId, payload.length, payload));
    }

    /** Sends the reply xenstored would: same type, ids, and the payload. */
    void reply(Request to, String payload) {
        reply(to.type(), to.reqId(), to.txId(), payload.getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] message(int type, int reqId, int txId, int len, byte[] payload) {
        return ByteBuffer.allocate(16 + payload.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(type).putInt(reqId).putInt(txId).putInt(len).put(payload).array();
    }

    void hangUp() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ByteBuffer read(int n) {
        ByteBuffer buffer = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (buffer.hasRemaining()) {
                if (client.read(buffer) < 0) {
                    throw new IOException("client closed the connection");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.flip();
    }

    @Override
    public void close() throws IOException {
        if (client != null) {
            client.close();
        }
        server.close();
        Files.deleteIfExists(socket);
        Files.deleteIfExists(directory);
    }
}
