package org.jxen.testfixtures.xend;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jxen.testfixtures.host.SimulatedHost;

/**
 * A fake xend: HTTP/1.1 on a real unix socket, answering like xend 4.x for the node, the domain
 * list, the domain S-expression and the ops {@code vcpuinfo}, {@code pincpu} and
 * {@code set_vcpus}, backed by a {@link SimulatedHost} so that its changes are seen by the other fakes.
 *
 * <p>Replies follow xend's conventions: header names as Python's {@code str.capitalize()} writes
 * them ({@code Content-type}, {@code Content-length}), S-expression bodies as {@code application/sxp},
 * 404 {@code text/plain} for an unknown domain, 500 with {@code (xend.err '...')} when an op fails,
 * an empty body for {@code set_vcpus}, {@code 0} for {@code pincpu}, 501 for an unknown op; the
 * connection is closed after each reply. Bodies above 10000 bytes are refused with 413 as xend does.
 *
 * <p>A {@link Fault} makes it misbehave on every following request; faults other than
 * {@link Fault#CHUNKED} replace the reply and leave the host untouched. Every request is recorded.
 * {@link Fault#REFUSE} stops listening altogether, leaving the socket file behind as a xend that
 * died does; any other fault listens again on the same path.
 */
public final class FakeXend implements AutoCloseable {

    /** How the fake misbehaves. */
    public enum Fault {
        /** Behave. */
        NONE,
        /** Send the real reply with chunked transfer coding (small chunks, an extension, a trailer). */
        CHUNKED,
        /** Close the connection in the middle of the header fields. */
        DROP_MID_REPLY,
        /** Send a Content-length larger than the body, then close. */
        TRUNCATED_BODY,
        /** Announce a 2 MiB body and keep sending it until the client goes away. */
        OVERSIZED_BODY,
        /** Send bytes that are not HTTP, then close. */
        GARBAGE,
        /** Answer 200 with an {@code (xend.err '...')} body, as xend does for errors raised while rendering. */
        ERROR_UNDER_200,
        /** Read the request and never answer, holding the connection open until the client closes it. */
        STALL,
        /** Send the status line one byte every 50 ms, forever: defeats a per-read timeout. */
        TRICKLE,
        /**
         * Stop listening but leave the socket file, as a xend that died does: connecting fails with
         * ECONNREFUSED. Connections already open are served as before.
         */
        REFUSE
    }

    private static final int MAX_BODY = 10_000;
    private static final byte[] CRLF = {'\r', '\n'};

    private final XendRoutes routes;
    private final Path socket;
    private ServerSocketChannel server; // guarded by this; null while refusing
    private Thread acceptor; // guarded by this
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final List<XendRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Fault fault = Fault.NONE;

    private FakeXend(SimulatedHost host, Path socket) throws IOException {
        this.routes = new XendRoutes(host);
        this.socket = socket;
        listen();
    }

    /**
     * Starts a fake xend listening on {@code xend-socket} in a directory.
     *
     * @param host the host it serves
     * @param directory an existing directory (e.g. a test's temporary directory); unix socket
     *     paths are limited to about 100 bytes
     * @return the running fake
     * @throws IOException if the socket cannot be created
     */
    public static FakeXend start(SimulatedHost host, Path directory) throws IOException {
        Objects.requireNonNull(host, "host");
        Path socket = directory.resolve("xend-socket");
        Files.deleteIfExists(socket);
        return new FakeXend(host, socket);
    }

    /**
     * Returns the socket's path, for {@code XendEndpoint.Unix}.
     *
     * @return the path
     */
    public Path socketPath() {
        return socket;
    }

    /**
     * Sets how the fake answers from now on.
     *
     * @param fault the misbehaviour, or {@link Fault#NONE}
     */
    public synchronized void fault(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        try {
            if (fault == Fault.REFUSE && server != null) {
                stopListening();
            } else if (fault != Fault.REFUSE && server == null) {
                Files.deleteIfExists(socket); // the dead daemon's socket file, as a restarted xend does
                listen();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot change how the fake xend listens", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        this.fault = fault;
    }

    /**
     * Returns the requests received so far, in order.
     *
     * @return a snapshot
     */
    public List<XendRequest> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        requests.clear();
    }

    /** Stops listening, closes every connection (releasing stalled ones) and removes the socket file. */
    @Override
    public synchronized void close() {
        try {
            if (server != null) {
                stopListening();
            }
            for (SocketChannel c : open) {
                c.close();
            }
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw new IllegalStateException("closing the fake xend: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen() throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(socket));
        server = channel;
        acceptor = Thread.ofPlatform().daemon().name("fake-xend-accept").start(() -> acceptLoop(channel));
    }

    /** Closing the channel ends the acceptor; the socket file stays, so clients are refused. */
    private void stopListening() throws IOException, InterruptedException {
        server.close();
        acceptor.join();
        server = null;
    }

    private void acceptLoop(ServerSocketChannel server) {
        while (server.isOpen()) {
            try {
                SocketChannel c = server.accept();
                open.add(c);
                Thread.ofVirtual().name("fake-xend-connection").start(() -> serve(c));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SocketChannel channel) {
        try (channel) {
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
            OutputStream out = Channels.newOutputStream(channel);
            XendReply reply;
            try {
                XendRequest request = read(in);
                requests.add(request);
                Fault f = fault;
                if (f != Fault.NONE && f != Fault.CHUNKED && f != Fault.REFUSE) {
                    misbehave(f, in, out);
                    return;
                }
                reply = routes.handle(request);
                if (f == Fault.CHUNKED) {
                    writeChunked(reply, out);
                    return;
                }
            } catch (BadRequest e) {
                reply = new XendReply(e.status, e.getMessage(), "text/plain", e.getMessage().getBytes(StandardCharsets.US_ASCII));
            }
            write(reply, out);
        } catch (IOException e) {
            // the client went away: nothing to answer
        } finally {
            open.remove(channel);
        }
    }

    private static void write(XendReply reply, OutputStream out) throws IOException {
        out.write(head(reply, "Content-length: " + reply.body().length));
        out.write(reply.body());
        out.flush();
    }

    private static void writeChunked(XendReply reply, OutputStream out) throws IOException {
        out.write(head(reply, "Transfer-encoding: chunked"));
        byte[] body = reply.body();
        for (int i = 0; i < body.length; i += 7) {
            int n = Math.min(7, body.length - i);
            out.write((Integer.toHexString(n) + (i == 0 ? ";ext=1" : "")).getBytes(StandardCharsets.US_ASCII));
            out.write(CRLF);
            out.write(body, i, n);
            out.write(CRLF);
        }
        out.write("0\r\nX-trailer: yes\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static byte[] head(XendReply reply, String framing) {
        return ("HTTP/1.1 " + reply.status() + " " + reply.reason() + "\r\n"
                + "Content-type: " + reply.contentType() + "\r\n"
                + framing + "\r\n"
                + "Pragma: no-cache\r\n"
                + "Cache-control: no-cache\r\n"
                + "Expires: -1\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void misbehave(Fault f, InputStream in, OutputStream out) throws IOException {
        switch (f) {
            case DROP_MID_REPLY -> out.write("HTTP/1.1 200 OK\r\nContent-type: applica".getBytes(StandardCharsets.US_ASCII));
            case TRUNCATED_BODY -> out.write("HTTP/1.1 200 OK\r\nContent-type: application/sxp\r\nContent-length: 100\r\n\r\n(node (nr_cpus 4)"
                    .getBytes(StandardCharsets.US_ASCII));
            case OVERSIZED_BODY -> {
                out.write("HTTP/1.1 200 OK\r\nContent-type: application/sxp\r\nContent-length: 2097152\r\n\r\n("
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] filler = "x ".repeat(4096).getBytes(StandardCharsets.US_ASCII);
                for (int sent = 1; sent < 2 << 20; sent += filler.length) {
                    out.write(filler); // until the client hangs up (IOException) or it is all sent
                }
            }
            case GARBAGE -> out.write(new byte[] {0, (byte) 0xff, 'g', 'a', 'r', 'b', 'a', 'g', 'e', '\r', '\n', '\r', '\n'});
            case ERROR_UNDER_200 -> write(new XendReply(200, "OK", "application/sxp",
                    "(xend.err 'Simulated failure while rendering')".getBytes(StandardCharsets.US_ASCII)), out);
            case STALL -> {
                while (in.read() >= 0) {
                    // hold the connection until the client closes it or the fake is closed
                }
            }
            case TRICKLE -> {
                byte[] line = "HTTP/1.1 200 OK, eventually".getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; ; i = (i + 1) % line.length) {
                    out.write(line[i]);
                    out.flush();
                    sleep(50);
                }
            }
            default -> throw new IllegalStateException("not a misbehaviour: " + f);
        }
        out.flush();
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Reads one request as xend's HttpServerRequest does. */
    private static XendRequest read(InputStream in) throws IOException {
        String requestLine = line(in);
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.") || !parts[1].startsWith("/")) {
            throw new BadRequest(400, "Bad request line");
        }
        Map<String, String> headers = new HashMap<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new BadRequest(400, "Bad header");
            }
            headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        String target = parts[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        Map<String, List<String>> args = new LinkedHashMap<>();
        if (q >= 0) {
            parseQs(target.substring(q + 1), args);
        }
        String length = headers.get("content-length");
        if (length != null) {
            if (!length.matches("\\d{1,9}")) {
                throw new BadRequest(400, "Bad Content-Length");
            }
            int n = Integer.parseInt(length);
            if (n > MAX_BODY) {
                in.skipNBytes(n); // read it all: closing with unread data would reset the connection before the reply
                throw new BadRequest(413, "Request Entity Too Large");
            }
            byte[] body = in.readNBytes(n);
            String type = headers.getOrDefault("content-type", "");
            if (type.startsWith("application/x-www-form-urlencoded")) {
                parseQs(new String(body, StandardCharsets.US_ASCII), args);
            }
        }
        List<String> segments = new ArrayList<>();
        for (String s : path.substring(1).split("/", -1)) {
            segments.add(unquote(s));
        }
        return new XendRequest(parts[0], target, segments, args, headers);
    }

    /** Python's urllib.unquote: %XX only ('+' stays), bytes taken as UTF-8. */
    private static String unquote(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }

    /** cgi.parse_qs with keep_blank_values: '+' is a space, later values append. */
    private static void parseQs(String query, Map<String, List<String>> args) {
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = unquote((eq < 0 ? pair : pair.substring(0, eq)).replace('+', ' '));
            String value = eq < 0 ? "" : unquote(pair.substring(eq + 1).replace('+', ' '));
            args.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed inside the request");
            }
            if (line.size() > 65536) {
                throw new BadRequest(400, "Line too long");
            }
            line.write(c);
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** A request xend's HTTP layer rejects before any resource sees it. */
    private static final class BadRequest extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
