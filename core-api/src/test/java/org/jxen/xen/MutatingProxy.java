package org.jxen.xen;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unix-socket proxy in front of a fake daemon: each connection is forwarded to the daemon as it
 * is, and each reply goes back to the driver through a {@link ReplyMutator}. What a reply is
 * depends on the protocol ({@link Replies}).
 */
final class MutatingProxy implements AutoCloseable {

    /** Reads the daemon's replies one at a time. */
    interface Replies {
        /** The next whole reply, or null at the end of the stream. */
        byte[] next(InputStream daemon) throws IOException;
    }

    private final Path upstream;
    private final Path socket;
    private final Replies replies;
    private final ReplyMutator mutator;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

    MutatingProxy(Path upstream, Path socket, Replies replies, ReplyMutator mutator) throws IOException {
        this.upstream = upstream;
        this.socket = socket;
        this.replies = replies;
        this.mutator = mutator;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        this.acceptor = Thread.ofPlatform().daemon().name("mutating-proxy-accept").start(this::acceptLoop);
    }

    Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                open.add(client);
                Thread.ofVirtual().start(() -> relay(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(SocketChannel client) {
        try (client; SocketChannel daemon = SocketChannel.open(UnixDomainSocketAddress.of(upstream))) {
            open.add(daemon);
            try {
                Thread requests = Thread.ofVirtual().start(() -> copy(client, daemon));
                InputStream in = Channels.newInputStream(daemon);
                OutputStream out = Channels.newOutputStream(client);
                for (byte[] reply = replies.next(in); reply != null; reply = replies.next(in)) {
                    out.write(mutator.mutate(reply));
                }
                client.close(); // the daemon is done: so is the driver's connection, and the request copy
                requests.join();
            } finally {
                open.remove(daemon);
            }
        } catch (IOException | InterruptedException gone) {
            // one side went away: the other is closed with it
        } finally {
            open.remove(client);
        }
    }

    private static void copy(SocketChannel from, SocketChannel to) {
        try {
            Channels.newInputStream(from).transferTo(Channels.newOutputStream(to));
        } catch (IOException closed) {
            // the relay is over
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join();
            for (SocketChannel c : open) {
                c.close();
            }
            Files.deleteIfExists(socket);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot stop the proxy", e);
        }
    }
}
