package org.jxen.xend;

/**
 * Thrown when a request to xend fails: it could not be sent, the reply did not come in time or
 * was malformed, or xend answered with an error. {@link #kind()} says which; {@link #status()}
 * and {@link #xendMessage()} carry what xend said, when it said something.
 */
public final class XendException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** xend is not reachable: no socket, connection refused, host unreachable. */
        CONNECT_FAILED,
        /** The connection or the whole reply took longer than the configured timeout. */
        TIMEOUT,
        /** The connection failed after it was established (e.g. reset while sending). */
        IO_ERROR,
        /** The reply was not valid HTTP or S-expression, was cut short, or exceeded the body limit. */
        PROTOCOL_ERROR,
        /** The domain named in the URL does not exist (HTTP 404). */
        NO_SUCH_DOMAIN,
        /** xend reported an error as {@code (xend.err '...')}, under any status, 200 included. */
        XEND_ERROR,
        /** Any other status outside 2xx, e.g. 501 for an operation xend does not implement. */
        HTTP_ERROR
    }

    /** Which of the kinds of failure. */
    private final Kind kind;
    /** The HTTP status, or -1 when no reply was read. */
    private final int status;
    /** xend's own error text, when it gave one. */
    private final String xendMessage;

    /**
     * Creates an error.
     *
     * @param kind what went wrong
     * @param status the HTTP status, or -1 when no reply was read
     * @param xendMessage what xend said (the {@code xend.err} text or the body), or "" when nothing
     * @param message the description
     * @param cause the underlying error, or null
     */
    public XendException(Kind kind, int status, String xendMessage, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.xendMessage = xendMessage;
    }

    /**
     * Returns what went wrong.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the reply's HTTP status.
     *
     * @return the status, or -1 when no reply was read
     */
    public int status() {
        return status;
    }

    /**
     * Returns xend's own words: the message of {@code (xend.err '...')}, or the body of another error reply.
     *
     * @return the text, "" when there was none
     */
    public String xendMessage() {
        return xendMessage;
    }
}
