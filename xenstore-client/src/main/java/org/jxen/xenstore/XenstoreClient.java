package org.jxen.xenstore;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ByteChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jxen.xenstore.internal.Connection;
import org.jxen.xenstore.internal.Requests;

/**
 * A connection to xenstored. Thread-safe: any number of threads may call at once; their requests
 * are multiplexed on the one connection and each gets its own reply. Every call waits at most
 * {@link XenstoreOptions#timeout()}. Closing fails pending calls at once and ends the client's
 * threads.
 *
 * <p>A connection that breaks (the daemon sent something the protocol forbids, or went away) fails
 * the calls that were waiting on it; the next call opens a new one to the same endpoint and sets
 * the client's watches again, so a daemon that recovers is used again. Transactions begun on the
 * broken connection are lost with it.
 *
 * <pre>{@code
 * try (XenstoreClient xs = XenstoreClient.open()) {
 *     String home = xs.domainPath(3);
 *     xs.transaction(tx -> {
 *         tx.write(home + "/cpu/1/availability", "offline");
 *         return null;
 *     });
 * }
 * }</pre>
 */
public final class XenstoreClient implements Xenstore, AutoCloseable {
    private static final AtomicLong TOKENS = new AtomicLong();

    private final XenstoreEndpoint endpoint;
    private final XenstoreOptions options;
    private final Map<String, WatchRegistration> watches = new ConcurrentHashMap<>();
    /** The connection in use and its requests; replaced only when it broke, never after close(). */
    private volatile Link link;
    private volatile boolean closed;

    /** A connection and the requests outside any transaction on it. */
    private record Link(Connection connection, Requests requests) {
    }

    /** A watch to set again on a new connection. */
    private record WatchRegistration(String path, Consumer<? super WatchEvent> listener) {
    }

    private XenstoreClient(XenstoreEndpoint endpoint, XenstoreOptions options) {
        this.endpoint = endpoint;
        this.options = options;
        this.link = connect();
    }

    /**
     * Connects to the local xenstored, found as libxenstore finds it, with default options.
     *
     * @return the client
     * @throws XenstoreConnectionException when neither the socket nor the device can be opened
     * @see XenstoreEndpoint#discover()
     */
    public static XenstoreClient open() {
        return open(XenstoreEndpoint.discover(), XenstoreOptions.defaults());
    }

    /**
     * Connects to xenstored at the given endpoint.
     *
     * @param endpoint the socket or device
     * @param options timeout and transaction attempts
     * @return the client
     * @throws XenstoreConnectionException when the endpoint cannot be opened
     */
    public static XenstoreClient open(XenstoreEndpoint endpoint, XenstoreOptions options) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(options, "options");
        return new XenstoreClient(endpoint, options);
    }

    private Link connect() {
        try {
            ByteChannel channel = switch (endpoint) {
                case XenstoreEndpoint.UnixSocket socket ->
                        SocketChannel.open(UnixDomainSocketAddress.of(socket.path()));
                // Read-write: requests are writes to the device, replies are reads.
                case XenstoreEndpoint.Device device ->
                        FileChannel.open(device.path(), StandardOpenOption.READ, StandardOpenOption.WRITE);
            };
            Connection connection = new Connection(channel, options.timeout(), this::deliver);
            return new Link(connection, new Requests(connection, 0));
        } catch (IOException e) {
            Path path = switch (endpoint) {
                case XenstoreEndpoint.UnixSocket socket -> socket.path();
                case XenstoreEndpoint.Device device -> device.path();
            };
            String why = switch (e) {
                case NoSuchFileException n -> "no such file";
                case AccessDeniedException a -> "permission denied";
                default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            };
            throw new XenstoreConnectionException("cannot open xenstore at " + path + ": " + why, e);
        }
    }

    @Override
    public byte[] read(String path) {
        return requests().read(path);
    }

    @Override
    public void write(String path, byte[] value) {
        requests().write(path, value);
    }

    @Override
    public List<String> directory(String path) {
        return requests().directory(path);
    }

    @Override
    public void mkdir(String path) {
        requests().mkdir(path);
    }

    @Override
    public void rm(String path) {
        requests().rm(path);
    }

    /**
     * Asks for a domain's home path (XS_GET_DOMAIN_PATH), the base of its relative paths.
     *
     * @param domid the domain, 0 to 65535
     * @return the path, e.g. {@code /local/domain/3}
     */
    public String domainPath(int domid) {
        return requests().domainPath(domid);
    }

    /**
     * Starts a transaction; prefer {@link #transaction(Function)}, which redoes it on conflict.
     *
     * @return the open transaction; close it (abort) if it is neither committed nor aborted
     */
    public Transaction startTransaction() {
        Link current = current();
        int id = current.requests().startTransaction();
        return new Transaction(new Requests(current.connection(), id));
    }

    /**
     * Runs {@code body} in a transaction and commits it; when xenstored answers EAGAIN (a
     * conflicting change, on commit or inside the body) the whole body runs again in a new
     * transaction after a short random wait (up to 2^attempt ms, at most 64), up to
     * {@link XenstoreOptions#transactionAttempts()} times and for at most
     * {@link XenstoreOptions#timeout()} in all. Any other exception from the body aborts the
     * transaction and propagates.
     *
     * @param body the work; it may run several times, so it must not have other side effects
     * @param <T> the result type
     * @return what the body returned in the attempt that committed
     * @throws XenstoreErrorException {@link XenstoreError#EAGAIN} when every attempt conflicted (a
     *     caller may retry later: the nodes were busy, nothing of the body was applied)
     */
    public <T> T transaction(Function<? super Xenstore, ? extends T> body) {
        XenstoreErrorException conflict = null;
        long deadline = System.nanoTime() + options.timeout().toNanos();
        int attempt = 0;
        while (attempt < options.transactionAttempts() && System.nanoTime() - deadline < 0) {
            attempt++;
            try (Transaction tx = startTransaction()) {
                T result = body.apply(tx);
                tx.commit();
                return result;
            } catch (XenstoreErrorException e) {
                if (e.error() != XenstoreError.EAGAIN) {
                    throw e;
                }
                conflict = e;
                backOff(attempt);
            }
        }
        throw new XenstoreErrorException(XenstoreError.EAGAIN, "transaction still conflicting after " + attempt
                + " attempts in at most " + options.timeout().toMillis() + " ms", conflict);
    }

    /**
     * Waits before the next attempt, a random time up to 2^attempt ms (at most 64 ms), so that
     * writers that conflicted do not meet again in lockstep.
     */
    private static void backOff(int attempt) {
        long bound = 1L << Math.min(attempt, 6);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XenstoreConnectionException("interrupted between transaction attempts", e);
        }
    }

    /**
     * Watches a path (XS_WATCH): {@code listener} gets an event for the path itself at once (as
     * xenstored sends one), then one for every change at or below it, on the client's event
     * thread, in order. A listener that throws is logged and kept. Watches end with the connection.
     *
     * @param path a node path, or a special one such as {@code @releaseDomain}
     * @param listener receives the events; must not block for long, as it delays later events
     * @return the watch; close it to unwatch
     */
    public Watch watch(String path, Consumer<? super WatchEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        String token = "jxen-" + TOKENS.incrementAndGet();
        // Registered before sending: the initial event can arrive before the OK is processed.
        watches.put(token, new WatchRegistration(path, listener));
        try {
            requests().watch(path, token);
        } catch (RuntimeException e) {
            watches.remove(token);
            throw e;
        }
        return new Watch(this, path, token);
    }

    /** Called by {@link Watch#close()}. */
    void unwatch(Watch watch) {
        Link current = link;
        if (watches.remove(watch.token()) != null && current.connection().isOpen()) {
            current.requests().unwatch(watch.path(), watch.token());
        }
    }

    /**
     * Closes the connection: pending calls fail with {@link XenstoreConnectionException}, watches
     * end, and the client's threads stop. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        link.connection().close();
    }

    /**
     * Tells whether the connection is up. After xenstored went away or broke the protocol it is
     * down until the next request opens a new one and sets the watches again: events of changes
     * made in between are lost, so whoever keeps state on watches must read it again.
     *
     * @return false from the moment the connection failed (or this client was closed) until the next request
     */
    public boolean isConnected() {
        return !closed && link.connection().isOpen();
    }

    /** The requests of a working connection: a new one when the last one broke. */
    private Requests requests() {
        return current().requests();
    }

    private Link current() {
        Link current = link;
        if (current.connection().isOpen() || closed) {
            return current; // after close() the closed connection says so itself
        }
        synchronized (this) {
            if (link == current && !closed) {
                link = connect();
                // Watches live on a connection: set them again, as libxenstore does after a reconnect.
                watches.forEach((token, w) -> link.requests().watch(w.path(), token));
            }
            return link;
        }
    }

    private void deliver(WatchEvent event) {
        // Events for a token we no longer hold were queued before UNWATCH took effect: drop them.
        WatchRegistration watch = watches.get(event.token());
        if (watch != null) {
            watch.listener().accept(event);
        }
    }
}
