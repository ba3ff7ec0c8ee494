package org.jxen.testfixtures.xenstored;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jxen.testfixtures.host.SimXenstore;

/**
 * A fake xenstored: listens on a real unix socket in a fresh temporary directory, speaks the
 * xsd_sockmsg protocol, and keeps no tree of its own: every request reads or changes the simulated
 * host's {@link SimXenstore}, so what a client writes is seen by the other fakes and the simulated
 * guests, and changes made elsewhere fire this fake's watches. Transactions are the tree's
 * transactions (a commit after any other change answers EAGAIN). Connections act as dom0: relative
 * paths are under {@code /local/domain/0}, and there are no permissions.
 *
 * <p>It can be told to {@link #misbehave} in the ways a broken daemon does.
 */
public final class FakeXenstored implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FakeXenstored.class.getName());

    private final SimXenstore store;
    private final Path directory;
    private final Path socket;
    private final ServerSocketChannel server;
    private final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger conflictsLeft = new AtomicInteger();
    private final Thread acceptor;
    private volatile Misbehaviour misbehaviour;

    private FakeXenstored(SimXenstore store) throws IOException {
        this.store = store;
        this.directory = Files.createTempDirectory("fake-xenstored");
        this.socket = directory.resolve("socket");
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            // Nothing listens yet: leave nothing behind either.
            server.close();
            Files.deleteIfExists(directory);
            throw e;
        }
        this.acceptor = Thread.ofPlatform().daemon().name("fake-xenstored-accept").start(this::acceptLoop);
    }

    /**
     * Starts serving a tree.
     *
     * @param store the simulated host's tree, e.g. {@code SimulatedHost.defaultHost().xenstore()}
     * @return the running fake; close it to stop
     */
    public static FakeXenstored start(SimXenstore store) {
        try {
            return new FakeXenstored(store);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake xenstored", e);
        }
    }

    /**
     * The socket clients connect to.
     *
     * @return the socket file's path
     */
    public Path socket() {
        return socket;
    }

    /**
     * Starts misbehaving on every later request (or, for {@link Misbehaviour.ConflictOnCommit}, on
     * that many commits), replacing any earlier misbehaviour of the same kind.
     *
     * @param how the misbehaviour
     */
    public void misbehave(Misbehaviour how) {
        switch (how) {
            case Misbehaviour.ConflictOnCommit(int times) -> conflictsLeft.set(times);
            default -> misbehaviour = how;
        }
    }

    /** Back to the real protocol from the next request on. */
    public void behave() {
        misbehaviour = null;
        conflictsLeft.set(0);
    }

    /**
     * How many whole requests arrived so far, on all connections.
     *
     * @return the count
     */
    public long requestCount() {
        return requests.get();
    }

    /** Drops every connection, stops listening and removes the socket. */
    @Override
    public void close() {
        try {
            server.close();
            // The acceptor first: a connection it accepted but had not yet listed would stay open.
            acceptor.join();
            connections.forEach(FakeConnection::close);
            for (FakeConnection connection : connections) {
                connection.join();
            }
            Files.deleteIfExists(socket);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the fake xenstored", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Misbehaviour misbehaviour() {
        return misbehaviour;
    }

    void counted() {
        requests.incrementAndGet();
    }

    /** Whether this commit must answer EAGAIN; counts it. */
    boolean conflictInjected() {
        return conflictsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    private void acceptLoop() {
        try {
            while (true) {
                SocketChannel channel = server.accept();
                // Forget the connections whose client went away, so a long-lived daemon holds only live ones.
                connections.removeIf(FakeConnection::ended);
                connections.add(new FakeConnection(this, channel, store));
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "fake xenstored stops accepting: " + e);
        }
    }
}
