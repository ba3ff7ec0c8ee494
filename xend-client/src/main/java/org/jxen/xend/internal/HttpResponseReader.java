package org.jxen.xend.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jxen.xend.XendException;

/**
 * Reads one HTTP/1.x reply: the status line, header fields (names case-insensitive), and a body
 * framed by chunked transfer coding, by Content-Length, or by the server closing the connection.
 * Every part is bounded, so a hostile or broken server cannot make the client hold unbounded
 * memory or work; a body beyond the limit is refused as soon as its size is known. (Time is
 * bounded by the connection's deadline, which every read checks.)
 */
final class HttpResponseReader {

    private static final int MAX_LINE = 8192;
    /**
     * Header lines (and trailer lines) per reply: Apache httpd's default LimitRequestFields. xend
     * (Python's BaseHTTPServer) sends four or five.
     */
    private static final int MAX_HEADERS = 100;
    /** Bytes of all header lines together: eight lines of MAX_LINE, far above xend's ~150 bytes. */
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: .*)?");
    private static final Pattern FIELD = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \\t]*(.*?)[ \\t]*");
    private static final Pattern CHUNK_SIZE = Pattern.compile("([0-9A-Fa-f]{1,8})[ \\t]*(?:;.*)?");

    private final InputStream in;
    private final int maxBody;
    private final byte[] buf = new byte[8192];
    private int start;
    private int end;

    private HttpResponseReader(InputStream in, int maxBody) {
        this.in = in;
        this.maxBody = maxBody;
    }

    /**
     * Reads one reply.
     *
     * @param in the connection's stream
     * @param maxBody the largest body accepted, in bytes
     * @return the reply
     * @throws IOException when the connection fails
     * @throws XendException (PROTOCOL_ERROR) when the reply is malformed, cut short or too large
     */
    static HttpResponse read(InputStream in, int maxBody) throws IOException {
        return new HttpResponseReader(in, maxBody).response();
    }

    private HttpResponse response() throws IOException {
        String statusLine = line("the status line");
        Matcher m = STATUS_LINE.matcher(statusLine);
        if (!m.matches()) {
            throw protocol("not an HTTP/1.x status line: " + printable(statusLine));
        }
        int status = Integer.parseInt(m.group(1));
        Map<String, String> headers = new HashMap<>();
        int lines = 0;
        long bytes = 0;
        for (String field = line("the header"); !field.isEmpty(); field = line("the header")) {
            if (++lines > MAX_HEADERS) {
                throw protocol("more than " + MAX_HEADERS + " header lines");
            }
            bytes += field.length() + 2;
            if (bytes > MAX_HEADER_BYTES) {
                throw protocol("header lines over " + MAX_HEADER_BYTES + " bytes");
            }
            Matcher f = FIELD.matcher(field);
            if (!f.matches()) {
                throw protocol("malformed header field: " + printable(field));
            }
            // A repeated field keeps its first value: only the framing fields matter here, and those must agree.
            String name = f.group(1).toLowerCase(Locale.ROOT);
            String old = headers.putIfAbsent(name, f.group(2));
            if (old != null && !old.equals(f.group(2)) && (name.equals("content-length") || name.equals("transfer-encoding"))) {
                throw protocol("conflicting " + name + " fields: " + printable(old) + " and " + printable(f.group(2)));
            }
        }
        return new HttpResponse(status, headers, body(headers));
    }

    private byte[] body(Map<String, String> headers) throws IOException {
        String coding = headers.get("transfer-encoding");
        if (coding != null) {
            if (!coding.equalsIgnoreCase("chunked")) {
                throw protocol("unsupported transfer coding: " + printable(coding));
            }
            return chunked();
        }
        String length = headers.get("content-length");
        if (length == null) {
            return untilClose();
        }
        if (!length.matches("\\d{1,18}")) {
            throw protocol("malformed Content-Length: " + printable(length));
        }
        long n = Long.parseLong(length);
        if (n > maxBody) {
            throw protocol("reply body of " + n + " bytes exceeds the limit of " + maxBody + " bytes");
        }
        byte[] body = new byte[(int) n];
        int got = readUpTo(body, 0, body.length);
        if (got < n) {
            throw protocol("reply truncated: the connection closed after " + got + " of " + n + " body bytes");
        }
        return body;
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line("a chunk size");
            Matcher m = CHUNK_SIZE.matcher(sizeLine);
            if (!m.matches()) {
                throw protocol("malformed chunk size: " + printable(sizeLine));
            }
            long size = Long.parseLong(m.group(1), 16);
            if (size == 0) {
                break;
            }
            if (body.size() + size > maxBody) {
                throw protocol("chunked reply body exceeds the limit of " + maxBody + " bytes");
            }
            byte[] chunk = new byte[(int) size];
            int got = readUpTo(chunk, 0, chunk.length);
            if (got < size) {
                throw protocol("reply truncated inside a chunk: " + got + " of " + size + " bytes");
            }
            body.write(chunk);
            if (!line("the end of a chunk").isEmpty()) {
                throw protocol("chunk data longer than its size " + size);
            }
        }
        for (int i = 0; !line("the trailer").isEmpty(); i++) {
            if (i == MAX_HEADERS) {
                throw protocol("more than " + MAX_HEADERS + " trailer fields");
            }
        }
        return body.toByteArray();
    }

    private byte[] untilClose() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (true) {
            int n = readUpTo(chunk, 0, Math.min(chunk.length, maxBody + 1 - body.size()));
            body.write(chunk, 0, n);
            if (body.size() > maxBody) {
                throw protocol("reply body exceeds the limit of " + maxBody + " bytes");
            }
            if (n == 0) {
                return body.toByteArray();
            }
        }
    }

    /** Reads a line ending in LF (a preceding CR is dropped), bounded by MAX_LINE; EOF is an error. */
    private String line(String what) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (start == end && !fill()) {
                throw protocol("reply truncated: the connection closed in " + what);
            }
            int c = buf[start++] & 0xff;
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            if (line.size() == MAX_LINE) {
                throw protocol("a line of the reply is longer than " + MAX_LINE + " bytes");
            }
            line.write(c);
        }
    }

    /** Reads until len bytes or EOF; returns how many were read. */
    private int readUpTo(byte[] dst, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            if (start == end && !fill()) {
                break;
            }
            int n = Math.min(len - done, end - start);
            System.arraycopy(buf, start, dst, off + done, n);
            start += n;
            done += n;
        }
        return done;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            return false;
        }
        start = 0;
        end = n;
        return true;
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 80; i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return "\"" + out + (s.length() > 80 ? "...\"" : "\"");
    }

    private static XendException protocol(String message) {
        return new XendException(XendException.Kind.PROTOCOL_ERROR, -1, "", message, null);
    }
}
