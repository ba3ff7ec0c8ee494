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

    private final XenstoreOptions options;
    private final Connection connection;
    private final Requests requests;
    private final Map<String, Consumer<? super WatchEvent>> listeners = new ConcurrentHashMap<>();

    private XenstoreClient(ByteChannel channel, XenstoreOptions options) {
        this.options = options;
        this.connection = new Connection(channel, options.timeout(), this::deliver);
        this.requests = new Requests(connection, 0);
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
        Objects.requireNonNull(options, "options");
        try {
            ByteChannel channel = switch (endpoint) {
                case XenstoreEndpoint.UnixSocket socket ->
                        SocketChannel.open(UnixDomainSocketAddress.of(socket.path()));
                // Read-write: requests are writes to the device, replies are reads.
                case XenstoreEndpoint.Device device ->
                        FileChannel.open(device.path(), StandardOpenOption.READ, StandardOpenOption.WRITE);
            };
            return new XenstoreClient(channel, options);
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
        return requests.read(path);
    }

    @Override
    public void write(String path, byte[] value) {
        requests.write(path, value);
    }

    @Override
    public List<String> directory(String path) {
        return requests.directory(path);
    }

    @Override
    public void mkdir(String path) {
        requests.mkdir(path);
    }

    @Override
    public void rm(String path) {
        requests.rm(path);
    }

    /**
     * Asks for a domain's home path (XS_GET_DOMAIN_PATH), the base of its relative paths.
     *
     * @param domid the domain, 0 to 65535
     * @return the path, e.g. {@code /local/domain/3}
     */
    public String domainPath(int domid) {
        return requests.domainPath(domid);
    }

    /**
     * Starts a transaction; prefer {@link #transaction(Function)}, which redoes it on conflict.
     *
     * @return the open transaction; close it (abort) if it is neither committed nor aborted
     */
    public Transaction startTransaction() {
        int id = requests.startTransaction();
        return new Transaction(new Requests(connection, id));
    }

    /**
     * Runs {@code body} in a transaction and commits it; when xenstored answers EAGAIN (a
     * conflicting change, on commit or inside the body) the whole body runs again in a new
     * transaction, up to {@link XenstoreOptions#transactionAttempts()} times. Any other exception
     * from the body aborts the transaction and propagates.
     *
     * @param body the work; it may run several times, so it must not have other side effects
     * @param <T> the result type
     * @return what the body returned in the attempt that committed
     * @throws XenstoreErrorException {@link XenstoreError#EAGAIN} when every attempt conflicted
     */
    public <T> T transaction(Function<? super Xenstore, ? extends T> body) {
        XenstoreErrorException conflict = null;
        for (int attempt = 1; attempt <= options.transactionAttempts(); attempt++) {
            try (Transaction tx = startTransaction()) {
                T result = body.apply(tx);
                tx.commit();
                return result;
            } catch (XenstoreErrorException e) {
                if (e.error() != XenstoreError.EAGAIN) {
                    throw e;
                }
                conflict = e;
            }
        }
        throw new XenstoreErrorException(XenstoreError.EAGAIN, "transaction still conflicting after "
                + options.transactionAttempts() + " attempts", conflict);
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
        listeners.put(token, listener);
        try {
            requests.watch(path, token);
        } catch (RuntimeException e) {
            listeners.remove(token);
            throw e;
        }
        return new Watch(this, path, token);
    }

    /** Called by {@link Watch#close()}. */
    void unwatch(Watch watch) {
        if (listeners.remove(watch.token()) != null && connection.isOpen()) {
            requests.unwatch(watch.path(), watch.token());
        }
    }

    /**
     * Closes the connection: pending calls fail with {@link XenstoreConnectionException}, watches
     * end, and the client's threads stop. Idempotent.
     */
    @Override
    public void close() {
        connection.close();
    }

    private void deliver(WatchEvent event) {
        // Events for a token we no longer hold were queued before UNWATCH took effect: drop them.
        Consumer<? super WatchEvent> listener = listeners.get(event.token());
        if (listener != null) {
            listener.accept(event);
        }
    }
}
