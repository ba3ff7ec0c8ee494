package org.jxen.xend;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A xend driven by a script, for one connection on a real unix socket: it reads the request's head
 * and then the script writes whatever bytes it wants. A script that writes forever ends when the
 * client closes the connection (its write fails) or when the test closes this.
 */
final class RawXend implements AutoCloseable {

    /** What the server sends after reading the request. */
    interface Script {
        /**
         * Writes the reply.
         *
         * @param out the connection
         * @throws IOException when the client has gone
         */
        void serve(OutputStream out) throws IOException;
    }

    private final Path directory;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread thread;

    RawXend(Script script) {
        try {
            directory = Files.createTempDirectory("raw-xend");
            socket = directory.resolve("socket");
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = Thread.ofPlatform().daemon().name("raw-xend").start(() -> serveOne(script));
    }

    XendClient client(long readTimeoutMillis, int maxBody) {
        return XendClient.create(new XendEndpoint.Unix(socket), new XendClient.Options(
                Duration.ofSeconds(5), Duration.ofMillis(readTimeoutMillis), maxBody));
    }

    private void serveOne(Script script) {
        try (SocketChannel client = server.accept()) {
            readHead(client);
            script.serve(Channels.newOutputStream(client));
        } catch (IOException e) {
            // the client closed the connection, or the test closed the server: either ends the script
        }
    }

    /** Reads up to the blank line that ends the request's head (the client's GETs have no body). */
    private static void readHead(SocketChannel client) throws IOException {
        StringBuilder head = new StringBuilder();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (!head.toString().endsWith("\r\n\r\n")) {
            one.clear();
            if (client.read(one) < 0) {
                throw new IOException("client closed before the end of its request");
            }
            head.append(new String(one.array(), StandardCharsets.ISO_8859_1));
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(socket);
        Files.deleteIfExists(directory);
    }
}
