package org.jxen.xend.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import org.jxen.xend.XendEndpoint;
import org.jxen.xend.XendException;

/**
 * One connection to xend, non-blocking underneath so that every wait is bounded: the connect by
 * its timeout, and writing the request plus reading the reply by one overall deadline. (A unix
 * socket channel has no SO_TIMEOUT, and a per-read timeout would let a server that sends a byte
 * now and then hold the caller forever.)
 */
final class Connection implements AutoCloseable {

    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private long deadline;

    private Connection(SocketChannel channel, Selector selector) throws IOException {
        this.channel = channel;
        this.selector = selector;
        this.key = channel.register(selector, 0);
    }

    /**
     * Connects within the timeout.
     *
     * @param endpoint where xend listens
     * @param connectTimeoutNanos how long the connect may take
     * @return the open connection
     */
    static Connection open(XendEndpoint endpoint, long connectTimeoutNanos) {
        SocketChannel channel = null;
        Selector selector = null;
        try {
            channel = switch (endpoint) {
                case XendEndpoint.Unix _ -> SocketChannel.open(StandardProtocolFamily.UNIX);
                case XendEndpoint.Tcp _ -> SocketChannel.open().setOption(StandardSocketOptions.TCP_NODELAY, true);
            };
            channel.configureBlocking(false);
            selector = Selector.open();
            Connection c = new Connection(channel, selector);
            c.deadline = System.nanoTime() + connectTimeoutNanos;
            boolean connected = channel.connect(switch (endpoint) {
                case XendEndpoint.Unix u -> UnixDomainSocketAddress.of(u.path());
                case XendEndpoint.Tcp t -> new InetSocketAddress(t.host(), t.port());
            });
            while (!connected) {
                c.await(SelectionKey.OP_CONNECT, "connecting to xend at " + describe(endpoint));
                connected = channel.finishConnect();
            }
            return c;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, selector);
            if (e instanceof XendException x) {
                throw x;
            }
            throw new XendException(XendException.Kind.CONNECT_FAILED, -1, "",
                    "cannot connect to xend at " + describe(endpoint) + ": " + e, e);
        }
    }

    /**
     * Sets the deadline for everything that follows: sending the request and reading the reply.
     *
     * @param nanos from now
     */
    void deadlineIn(long nanos) {
        deadline = System.nanoTime() + nanos;
    }

    /**
     * Sends bytes, waiting for room in the socket until the deadline.
     *
     * @param bytes the bytes
     * @throws IOException when the connection fails
     */
    void write(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            if (channel.write(b) == 0) {
                await(SelectionKey.OP_WRITE, "sending the request");
            }
        }
    }

    /**
     * Returns the reply stream. Every read fails once the deadline has passed, whether it would
     * wait or not: a server that always has more to send cannot hold the caller either.
     *
     * @return the stream (unbuffered)
     */
    InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                checkDeadline("reading the reply");
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (true) {
                    int n = channel.read(buf);
                    if (n != 0) {
                        return n;
                    }
                    await(SelectionKey.OP_READ, "reading the reply");
                }
            }
        };
    }

    private void await(int op, String what) throws IOException {
        key.interestOps(op);
        while (true) {
            checkDeadline(what);
            // select(0) would mean "forever", so round a positive rest up to one millisecond
            long millis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            if (selector.select(millis) > 0) {
                selector.selectedKeys().clear();
                key.interestOps(0);
                return;
            }
        }
    }

    private void checkDeadline(String what) {
        if (deadline - System.nanoTime() <= 0) {
            throw new XendException(XendException.Kind.TIMEOUT, -1, "", "timed out " + what, null);
        }
    }

    @Override
    public void close() {
        closeQuietly(channel, selector);
    }

    private static void closeQuietly(SocketChannel channel, Selector selector) {
        try {
            if (selector != null) {
                selector.close();
            }
        } catch (IOException ignored) {
            // nothing more can be done about a selector that fails to close
        }
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // likewise for the channel
        }
    }

    private static String describe(XendEndpoint endpoint) {
        return switch (endpoint) {
            case XendEndpoint.Unix u -> u.path().toString();
            case XendEndpoint.Tcp t -> t.host() + ":" + t.port();
        };
    }
}
