package org.jxen.xend.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.jxen.xend.XendEndpoint;
import org.jxen.xend.XendException;

/**
 * HTTP/1.1 to xend, one request per connection as xend expects (it closes the connection after
 * each reply unless asked to keep it alive, and its request loop is single-threaded per connection).
 * Asks for S-expression replies with {@code Accept: application/sxp}.
 */
public final class XendHttp {

    private final XendEndpoint endpoint;
    private final long connectTimeoutNanos;
    private final long readTimeoutNanos;
    private final int maxBody;
    private final String host;

    /**
     * Creates the transport.
     *
     * @param endpoint where xend listens
     * @param connectTimeout how long a connect may take
     * @param readTimeout how long sending a request and reading its whole reply may take
     * @param maxBody the largest reply body accepted, in bytes
     */
    public XendHttp(XendEndpoint endpoint, Duration connectTimeout, Duration readTimeout, int maxBody) {
        this.endpoint = endpoint;
        this.connectTimeoutNanos = connectTimeout.toNanos();
        this.readTimeoutNanos = readTimeout.toNanos();
        this.maxBody = maxBody;
        this.host = switch (endpoint) {
            case XendEndpoint.Unix _ -> "localhost";
            case XendEndpoint.Tcp t -> (t.host().contains(":") ? "[" + t.host() + "]" : t.host()) + ":" + t.port();
        };
    }

    /**
     * Sends a GET.
     *
     * @param target the request target, path and query, already encoded
     * @return the reply, whatever its status
     */
    public HttpResponse get(String target) {
        return exchange(head("GET", target).append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Sends a form-encoded POST.
     *
     * @param target the request target, already encoded
     * @param form the fields, in the order to send them (values are encoded here)
     * @return the reply, whatever its status
     */
    public HttpResponse post(String target, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String request = head("POST", target)
                .append("Content-Type: application/x-www-form-urlencoded\r\n")
                .append("Content-Length: ").append(body.length()).append("\r\n")
                .append("\r\n")
                .append(body)
                .toString();
        return exchange(request.getBytes(StandardCharsets.US_ASCII));
    }

    private StringBuilder head(String method, String target) {
        return new StringBuilder(256)
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("Accept: application/sxp\r\n")
                .append("Accept-Encoding: identity\r\n")
                .append("Connection: close\r\n");
    }

    private HttpResponse exchange(byte[] request) {
        try (Connection c = Connection.open(endpoint, connectTimeoutNanos)) {
            c.deadlineIn(readTimeoutNanos);
            c.write(request);
            return HttpResponseReader.read(c.input(), maxBody);
        } catch (IOException e) {
            throw new XendException(XendException.Kind.IO_ERROR, -1, "", "xend connection failed: " + e, e);
        }
    }
}
