package org.jxen.xenstore;

/**
 * xenstored did not answer within the configured timeout. The request may or may not have been
 * carried out; a late reply is discarded. The connection stays open.
 */
public final class XenstoreTimeoutException extends XenstoreException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which request timed out, and after how long
     */
    public XenstoreTimeoutException(String message) {
        super(message, null);
    }
}
