package org.jxen.xenstore;

/**
 * The connection to xenstored could not be opened, was lost, or was closed by this client.
 */
public final class XenstoreConnectionException extends XenstoreException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened to the connection
     * @param cause the I/O error, the first occurrence when rethrown in another thread, or null
     */
    public XenstoreConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
