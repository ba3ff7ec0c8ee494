package org.jxen.testfixtures.xenstored;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jxen.testfixtures.host.SimXenstore;

/**
 * One client connection of the fake: a reader thread that carries out requests in order, and a
 * writer thread that sends replies and watch events (the tree's watchers run under the host's lock
 * and must not block, so they only queue).
 */
final class FakeConnection {
    private static final System.Logger LOG = System.getLogger(FakeConnection.class.getName());
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static final AtomicInteger TRANSACTION_IDS = new AtomicInteger();
    /** Queued in place of bytes: close the connection once everything before it is sent. */
    private static final byte[] HANG_UP = new byte[0];

    private final FakeXenstored server;
    private final SocketChannel channel;
    private final SimXenstore store;
    private final BlockingQueue<byte[]> out = new LinkedBlockingQueue<>();
    /** Touched by the reader thread only. */
    private final Map<Integer, SimXenstore.Transaction> transactions = new HashMap<>();
    /** Read by the tree's watcher on whichever thread made a change. */
    private final List<WatchSpec> watches = new CopyOnWriteArrayList<>();
    private final AutoCloseable watcher;
    private final Thread reader;
    private final Thread writer;

    private record WatchSpec(String path, String token, boolean relative) {
        boolean covers(String changed) {
            return path.equals("/") || changed.equals(path) || changed.startsWith(path + "/");
        }
    }

    FakeConnection(FakeXenstored server, SocketChannel channel, SimXenstore store) {
        this.server = server;
        this.channel = channel;
        this.store = store;
        this.watcher = store.addWatcher(this::changed);
        int n = CONNECTIONS.incrementAndGet();
        // Both threads exist before either runs: a client that hangs up at once makes the reader
        // call close(), which interrupts the writer.
        reader = Thread.ofPlatform().daemon().name("fake-xenstored-" + n + "-reader").unstarted(this::readLoop);
        writer = Thread.ofPlatform().daemon().name("fake-xenstored-" + n + "-writer").unstarted(this::writeLoop);
        reader.start();
        writer.start();
    }

    void close() {
        try {
            watcher.close();
            channel.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a fake xenstored connection: " + e);
        }
        writer.interrupt();
    }

    /** Whether both threads have ended (the client hung up, or the daemon closed it). */
    boolean ended() {
        return !reader.isAlive() && !writer.isAlive();
    }

    void join() throws InterruptedException {
        reader.join();
        writer.join();
    }

    private void readLoop() {
        try {
            while (true) {
                ByteBuffer header = ByteBuffer.allocate(Message.HEADER).order(ByteOrder.nativeOrder());
                if (!fill(header)) {
                    break;
                }
                header.flip();
                int type = header.getInt();
                int reqId = header.getInt();
                int txId = header.getInt();
                long len = Integer.toUnsignedLong(header.getInt());
                if (len > Message.PAYLOAD_MAX) {
                    break; // xenstored drops a client that sends more than it may
                }
                ByteBuffer payload = ByteBuffer.allocate((int) len);
                if (!fill(payload)) {
                    break;
                }
                server.counted();
                handle(new Message(type, reqId, txId, payload.array()));
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "fake xenstored connection ends: " + e);
        }
        close();
    }

    private boolean fill(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }

    private void writeLoop() {
        try {
            while (true) {
                byte[] bytes = out.take();
                if (bytes == HANG_UP) {
                    break;
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } catch (InterruptedException | IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "fake xenstored writer ends: " + e);
        }
        close();
    }

    private void handle(Message request) {
        Misbehaviour misbehaviour = server.misbehaviour();
        if (misbehaviour instanceof Misbehaviour.Stall) {
            return;
        }
        List<Message> messages = new ArrayList<>();
        if (misbehaviour instanceof Misbehaviour.ErrorReply(String name)) {
            messages.add(error(request, name));
        } else {
            try {
                execute(request, messages);
            } catch (XsError e) {
                messages.add(error(request, e.name()));
            }
        }
        send(messages.getFirst(), misbehaviour);
        for (Message event : messages.subList(1, messages.size())) {
            out.add(event.bytes());
        }
    }

    private void send(Message reply, Misbehaviour misbehaviour) {
        byte[] payload = reply.payload();
        switch (misbehaviour) {
            case Misbehaviour.DropMidReply() -> {
                out.add(Message.header(reply.type(), reply.reqId(), reply.txId(), payload.length));
                out.add(Arrays.copyOf(payload, payload.length / 2));
                out.add(HANG_UP);
            }
            case Misbehaviour.OversizedLength() -> {
                int length = Message.PAYLOAD_MAX + 1;
                out.add(Message.header(reply.type(), reply.reqId(), reply.txId(), length));
                out.add(new byte[length]);
            }
            case Misbehaviour.TruncatedHeader() -> {
                out.add(Arrays.copyOf(reply.bytes(), Message.HEADER / 2));
                out.add(HANG_UP);
            }
            case Misbehaviour.WrongRequestId() ->
                    out.add(new Message(reply.type(), reply.reqId() ^ 0x4000_0000, reply.txId(), payload).bytes());
            case Misbehaviour.WrongReplyType(int type) ->
                    out.add(new Message(type, reply.reqId(), reply.txId(), payload).bytes());
            case Misbehaviour.Garbage() -> {
                byte[] noise = new byte[64];
                new Random(64).nextBytes(noise);
                out.add(noise);
            }
            case Misbehaviour.UnterminatedPayload() -> {
                boolean terminated = payload.length > 0 && payload[payload.length - 1] == 0;
                byte[] cut = terminated ? Arrays.copyOf(payload, payload.length - 1) : payload;
                out.add(new Message(reply.type(), reply.reqId(), reply.txId(), cut).bytes());
            }
            case null, default -> out.add(reply.bytes());
        }
    }

    private void execute(Message request, List<Message> messages) throws XsError {
        byte[] payload = request.payload();
        byte[] result = switch (request.type()) {
            case Message.READ -> tree(request.txId()).read(node(oneArg(payload))).orElseThrow(() -> new XsError("ENOENT"));
            case Message.WRITE -> {
                int nul = indexOfNul(payload);
                String path = node(new String(payload, 0, nul, StandardCharsets.UTF_8));
                tree(request.txId()).write(path, Arrays.copyOfRange(payload, nul + 1, payload.length));
                yield ok();
            }
            case Message.MKDIR -> {
                tree(request.txId()).mkdir(node(oneArg(payload)));
                yield ok();
            }
            case Message.RM -> {
                rm(tree(request.txId()), node(oneArg(payload)));
                yield ok();
            }
            case Message.DIRECTORY ->
                    strings(tree(request.txId()).directory(node(oneArg(payload))).orElseThrow(() -> new XsError("ENOENT")));
            case Message.GET_DOMAIN_PATH -> strings(List.of("/local/domain/" + domid(oneArg(payload))));
            case Message.TRANSACTION_START -> strings(List.of(Integer.toString(startTransaction(request.txId()))));
            case Message.TRANSACTION_END -> {
                endTransaction(request.txId(), oneArg(payload));
                yield ok();
            }
            case Message.WATCH -> {
                WatchSpec spec = watchSpec(payload);
                if (watches.contains(spec)) {
                    throw new XsError("EEXIST");
                }
                watches.add(spec);
                messages.add(reply(request, ok()));
                // xenstored fires every new watch once at once, for the watched path itself.
                messages.add(event(spec, spec.path()));
                yield null;
            }
            case Message.UNWATCH -> {
                if (!watches.remove(watchSpec(payload))) {
                    throw new XsError("ENOENT");
                }
                yield ok();
            }
            default -> throw new XsError(request.type() >= 0 && request.type() < Message.TYPE_COUNT ? "ENOSYS" : "EINVAL");
        };
        if (result != null) {
            messages.add(reply(request, result));
        }
    }

    private Tree tree(int txId) throws XsError {
        if (txId == 0) {
            return Tree.of(store);
        }
        SimXenstore.Transaction tx = transactions.get(txId);
        if (tx == null) {
            throw new XsError("ENOENT");
        }
        return Tree.of(tx);
    }

    private int startTransaction(int txId) throws XsError {
        if (txId != 0) {
            throw new XsError("EBUSY");
        }
        int id = TRANSACTION_IDS.incrementAndGet();
        transactions.put(id, store.beginTransaction());
        return id;
    }

    private void endTransaction(int txId, String arg) throws XsError {
        if (!arg.equals("T") && !arg.equals("F")) {
            throw new XsError("EINVAL");
        }
        SimXenstore.Transaction tx = transactions.remove(txId);
        if (tx == null) {
            throw new XsError("ENOENT");
        }
        if (arg.equals("F")) {
            tx.abort();
        } else if (server.conflictInjected()) {
            tx.abort();
            throw new XsError("EAGAIN");
        } else if (!tx.commit()) {
            throw new XsError("EAGAIN");
        }
    }

    /** xenstored removes a missing node without complaint when its parent exists. */
    private static void rm(Tree tree, String path) throws XsError {
        if (path.equals("/")) {
            throw new XsError("EINVAL");
        }
        if (!tree.rm(path) && tree.read(path.substring(0, Math.max(1, path.lastIndexOf('/')))).isEmpty()) {
            throw new XsError("ENOENT");
        }
    }

    private static WatchSpec watchSpec(byte[] payload) throws XsError {
        List<String> args = strings(payload);
        if (args.size() < 2) {
            throw new XsError("EINVAL");
        }
        String given = args.get(0);
        return new WatchSpec(NodePaths.canonical(given, true), args.get(1), !given.startsWith("/") && !given.startsWith("@"));
    }

    /** Called by the tree, under the host's lock, for each changed node. */
    private void changed(String path) {
        for (WatchSpec spec : watches) {
            if (spec.covers(path)) {
                out.add(event(spec, path).bytes());
            }
        }
    }

    private static Message event(WatchSpec spec, String path) {
        return new Message(Message.WATCH_EVENT, 0, 0, strings(List.of(NodePaths.asGiven(path, spec.relative()), spec.token())));
    }

    private static String node(String path) throws XsError {
        return NodePaths.canonical(path, false);
    }

    private static int domid(String text) throws XsError {
        try {
            int domid = Integer.parseInt(text);
            if (domid >= 0 && domid <= 0xFFFF) {
                return domid;
            }
        } catch (NumberFormatException e) {
            // EINVAL below
        }
        throw new XsError("EINVAL");
    }

    /** The single argument of a payload that must be exactly one string and its NUL. */
    private static String oneArg(byte[] payload) throws XsError {
        if (payload.length == 0 || indexOfNul(payload) != payload.length - 1) {
            throw new XsError("EINVAL");
        }
        return new String(payload, 0, payload.length - 1, StandardCharsets.UTF_8);
    }

    private static int indexOfNul(byte[] payload) throws XsError {
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == 0) {
                return i;
            }
        }
        throw new XsError("EINVAL");
    }

    /** NUL-terminated strings; a trailing part without NUL is ignored. */
    private static List<String> strings(byte[] payload) {
        List<String> strings = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == 0) {
                strings.add(new String(payload, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return strings;
    }

    private static byte[] strings(List<String> strings) {
        StringBuilder text = new StringBuilder();
        strings.forEach(s -> text.append(s).append('\0'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ok() {
        return strings(List.of("OK"));
    }

    private static Message reply(Message request, byte[] payload) {
        return new Message(request.type(), request.reqId(), request.txId(), payload);
    }

    private static Message error(Message request, String name) {
        return new Message(Message.ERROR, request.reqId(), request.txId(), strings(List.of(name)));
    }
}
