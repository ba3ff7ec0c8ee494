package org.jxen.xenstore;

/**
 * xenstored broke the wire protocol (a reply over 4096 bytes, a truncated message, an unknown
 * request id, a reply of the wrong type, a malformed payload). The connection is closed and every
 * pending and later call fails.
 */
public final class XenstoreProtocolException extends XenstoreException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong on the wire
     * @param cause the first occurrence when rethrown in another thread, or null
     */
    public XenstoreProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
