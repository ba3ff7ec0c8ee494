package org.jxen.xenstore.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jxen.xenstore.WatchEvent;
import org.jxen.xenstore.XenstoreConnectionException;
import org.jxen.xenstore.XenstoreError;
import org.jxen.xenstore.XenstoreErrorException;
import org.jxen.xenstore.XenstoreException;
import org.jxen.xenstore.XenstoreProtocolException;
import org.jxen.xenstore.XenstoreTimeoutException;

/**
 * One connection to xenstored, shared by any number of calling threads. Callers never touch the
 * channel: a writer thread sends queued requests (so a daemon that stops reading cannot block a
 * caller past its timeout), a reader thread matches replies to callers by req_id, and an event
 * thread hands watch events to the listener (so a slow listener never delays replies). The first
 * failure (I/O, protocol violation, close) closes the channel and fails every pending and later
 * call.
 */
public final class Connection implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    /** Bound on waiting for our own threads at close; they only wait on a channel we have closed. */
    private static final long JOIN_MILLIS = 1000;

    private final ByteChannel channel;
    private final long timeoutNanos;
    private final Consumer<WatchEvent> listener;
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<ByteBuffer> outbox = new LinkedBlockingQueue<>();
    private final BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    /** Requests sent so far; a request's req_id is this count as uint32, 0 skipped. */
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong lateReplies = new AtomicLong();
    private final List<Thread> threads;
    private volatile XenstoreException failure;

    /**
     * A request waiting for its reply. One that times out or is abandoned leaves the map at once;
     * its late reply is recognised as one (its req_id was issued) and dropped.
     */
    private record Pending(Op op, int txId, CompletableFuture<Frame> reply) {
    }

    /**
     * Starts serving a freshly opened channel.
     *
     * @param channel a blocking socket or device channel; owned (closed) by the connection from now on
     * @param timeout how long a call waits for its reply
     * @param listener receives every watch event, on the event thread
     */
    public Connection(ByteChannel channel, Duration timeout, Consumer<WatchEvent> listener) {
        this.channel = channel;
        this.timeoutNanos = timeout.toNanos();
        this.listener = listener;
        int n = CONNECTIONS.incrementAndGet();
        this.threads = List.of(
                Thread.ofPlatform().daemon().name("xenstore-reader-" + n).unstarted(this::readLoop),
                Thread.ofPlatform().daemon().name("xenstore-writer-" + n).unstarted(this::writeLoop),
                Thread.ofPlatform().daemon().name("xenstore-events-" + n).unstarted(this::eventLoop));
        threads.forEach(Thread::start);
    }

    /**
     * Sends one request and waits for its reply.
     *
     * @param op the request type
     * @param txId the transaction, 0 for none
     * @param payload the payload
     * @param decode turns the success payload into the result; a {@link XenstoreProtocolException}
     *     from it closes the connection
     * @param <T> the result type
     * @return the decoded reply
     * @throws XenstoreErrorException when xenstored answers XS_ERROR, or E2BIG (unsent) when the
     *     payload is over 4096 bytes
     * @throws XenstoreTimeoutException when no reply came in time
     * @throws XenstoreProtocolException when xenstored broke the protocol
     * @throws XenstoreConnectionException when the connection is or gets closed
     */
    public <T> T call(Op op, int txId, byte[] payload, Function<byte[], T> decode) {
        if (payload.length > Frame.PAYLOAD_MAX) {
            throw new XenstoreErrorException(XenstoreError.E2BIG, op + " payload of " + payload.length
                    + " bytes is over the " + Frame.PAYLOAD_MAX + "-byte limit (refused before sending)");
        }
        int reqId = nextReqId();
        Pending request = new Pending(op, txId, new CompletableFuture<>());
        pending.put(reqId, request);
        // fail() sets failure before draining pending, so either it drains this entry or we see it here.
        if (failure != null) {
            pending.remove(reqId);
            throw inCallerThread(failure);
        }
        outbox.add(new Frame(op.code(), reqId, txId, payload).encode());
        Frame reply = await(op, reqId, request.reply());
        try {
            if (reply.type() == Op.ERROR.code()) {
                String name = Payloads.strings(Op.ERROR, reply.payload(), 1).getFirst();
                throw new XenstoreErrorException(XenstoreError.fromName(name), op + " failed: xenstored answered " + name);
            }
            return decode.apply(reply.payload());
        } catch (XenstoreProtocolException e) {
            fail(e);
            throw e;
        }
    }

    /**
     * Whether the connection still works.
     *
     * @return false once closed or failed
     */
    public boolean isOpen() {
        return failure == null;
    }

    /** How many requests wait for a reply: for tests. */
    int pendingCount() {
        return pending.size();
    }

    /** How many replies came after their caller had given up: for tests. */
    long lateReplies() {
        return lateReplies.get();
    }

    /** Fails pending calls, closes the channel, and waits briefly for the client threads to end. */
    @Override
    public void close() {
        fail(new XenstoreConnectionException("xenstore connection closed by the client", null));
        for (Thread thread : threads) {
            if (thread != Thread.currentThread()) {
                try {
                    thread.join(JOIN_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private int nextReqId() {
        // 0 is what watch events carry; skip it so that no reply can be confused with one.
        int id;
        do {
            id = (int) sent.incrementAndGet();
        } while (id == 0);
        return id;
    }

    /** Whether a request with this req_id was ever sent: ids are issued in order, and all once 2^32 were sent. */
    private boolean issued(int reqId) {
        long id = Integer.toUnsignedLong(reqId);
        return id != 0 && id <= sent.get();
    }

    private Frame await(Op op, int reqId, CompletableFuture<Frame> reply) {
        try {
            return reply.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            XenstoreTimeoutException timeout = new XenstoreTimeoutException(op + ": no reply from xenstored within "
                    + Duration.ofNanos(timeoutNanos).toMillis() + " ms");
            return abandon(reqId, reply, timeout);
        } catch (ExecutionException e) {
            throw inCallerThread((XenstoreException) e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return abandon(reqId, reply, new XenstoreConnectionException(op + ": interrupted while waiting for the reply", e));
        }
    }

    /**
     * Forgets a request its caller gives up on, so that nothing is left behind; a reply that won
     * the race is still returned.
     */
    private Frame abandon(int reqId, CompletableFuture<Frame> reply, XenstoreException reason) {
        pending.remove(reqId);
        if (reply.completeExceptionally(reason)) {
            throw reason;
        }
        // completed meanwhile, by its reply or by the connection failing
        if (reply.state() == Future.State.FAILED) {
            throw inCallerThread((XenstoreException) reply.exceptionNow());
        }
        return reply.resultNow();
    }

    /** A fresh exception of the same kind, so the caller's stack trace shows where it called from. */
    private static XenstoreException inCallerThread(XenstoreException failure) {
        return switch (failure) {
            case XenstoreProtocolException p -> new XenstoreProtocolException(p.getMessage(), p);
            case XenstoreConnectionException c -> new XenstoreConnectionException(c.getMessage(), c);
            default -> failure;
        };
    }

    private void readLoop() {
        try {
            while (true) {
                dispatch(Frame.read(channel));
            }
        } catch (XenstoreException e) {
            fail(e);
        } catch (EOFException e) {
            fail(new XenstoreConnectionException("xenstored closed the connection", e));
        } catch (IOException e) {
            fail(new XenstoreConnectionException("reading from xenstored failed: " + e.getMessage(), e));
        }
    }

    private void dispatch(Frame frame) {
        if (frame.type() == Op.WATCH_EVENT.code()) {
            List<String> fields = Payloads.strings(Op.WATCH_EVENT, frame.payload());
            if (fields.size() < 2) {
                throw new XenstoreProtocolException("watch event without path and token", null);
            }
            events.add(new WatchEvent(fields.get(0), fields.get(1)));
            return;
        }
        Pending request = pending.get(frame.reqId());
        if (request == null && issued(frame.reqId())) {
            // its caller timed out or was interrupted; nobody else may have it
            lateReplies.incrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, "dropped a late reply to req_id " + Integer.toUnsignedString(frame.reqId()));
            return;
        }
        if (request == null) {
            throw new XenstoreProtocolException("reply of type " + frame.type() + " to unknown req_id "
                    + Integer.toUnsignedString(frame.reqId()), null);
        }
        if (frame.type() != request.op().code() && frame.type() != Op.ERROR.code()) {
            throw new XenstoreProtocolException("reply of type " + frame.type() + " to a " + request.op()
                    + " request (type " + request.op().code() + ")", null);
        }
        // xenstored echoes the request's tx_id; TRANSACTION_START is left out as it creates the id.
        if (request.op() != Op.TRANSACTION_START && frame.txId() != request.txId()) {
            throw new XenstoreProtocolException("reply to " + request.op() + " carries tx_id "
                    + Integer.toUnsignedString(frame.txId()) + ", the request had " + request.txId(), null);
        }
        pending.remove(frame.reqId());
        request.reply().complete(frame);
    }

    private void writeLoop() {
        try {
            while (true) {
                ByteBuffer frame = outbox.take();
                while (frame.hasRemaining()) {
                    channel.write(frame);
                }
            }
        } catch (InterruptedException e) {
            // close() or a failure: nothing more to send
        } catch (IOException e) {
            fail(new XenstoreConnectionException("writing to xenstored failed: " + e.getMessage(), e));
        }
    }

    private void eventLoop() {
        try {
            while (true) {
                WatchEvent event = events.take();
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "xenstore watch listener failed on " + event, e);
                }
            }
        } catch (InterruptedException e) {
            // close() or a failure: events after that are dropped
        }
    }

    private void fail(XenstoreException reason) {
        synchronized (this) {
            if (failure != null) {
                return;
            }
            failure = reason;
        }
        LOG.log(System.Logger.Level.DEBUG, "xenstore connection ends: " + reason.getMessage());
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the xenstore channel failed: " + e.getMessage());
        }
        threads.forEach(Thread::interrupt);
        for (Integer reqId : pending.keySet()) {
            Pending request = pending.remove(reqId);
            if (request != null) {
                request.reply().completeExceptionally(reason);
            }
        }
    }
}
