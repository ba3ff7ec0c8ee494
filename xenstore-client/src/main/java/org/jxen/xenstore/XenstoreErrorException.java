package org.jxen.xenstore;

/**
 * xenstored answered a request with XS_ERROR, or the client refused to send a request that
 * xenstored would have refused ({@link XenstoreError#EINVAL} for a bad path,
 * {@link XenstoreError#E2BIG} for an oversized payload). The connection stays usable.
 */
public final class XenstoreErrorException extends XenstoreException {
    private static final long serialVersionUID = 1L;

    /** The error name; an enum, so serializable as is. */
    private final XenstoreError error;

    /**
     * Creates the exception.
     *
     * @param error the error name
     * @param message what was asked and why it failed
     */
    public XenstoreErrorException(XenstoreError error, String message) {
        this(error, message, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param error the error name
     * @param message what was asked and why it failed
     * @param cause the underlying failure, or null
     */
    public XenstoreErrorException(XenstoreError error, String message, Throwable cause) {
        super(error + ": " + message, cause);
        this.error = error;
    }

    /**
     * The error name.
     *
     * @return the error, never null
     */
    public XenstoreError error() {
        return error;
    }
}
