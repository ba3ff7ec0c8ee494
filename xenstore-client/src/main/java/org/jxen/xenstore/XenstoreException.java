package org.jxen.xenstore;

/**
 * Any failure of a xenstore call. The subclass says which kind: an error answered by xenstored
 * (or refused before sending), a protocol violation, a timeout, or a lost connection.
 */
public abstract sealed class XenstoreException extends RuntimeException
        permits XenstoreErrorException, XenstoreProtocolException, XenstoreTimeoutException,
                XenstoreConnectionException {
    private static final long serialVersionUID = 1L;

    XenstoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
