package org.jxen;

import java.util.Optional;

/**
 * The one exception of the jxen API: an {@link ErrorCode}, the {@link Backend} that failed (none
 * when the call was rejected before reaching Xen), and the detail underneath (an errno name such
 * as {@code ESRCH}, a xenstore error or xend's error text). Instances are immutable.
 */
public final class JxenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    private final ErrorCode code;
    /** The backend that failed, or null when the call never reached one. */
    private final Backend backend;
    /** The errno name or the backend's own error text, or null. */
    private final String detail;

    /**
     * Creates an error raised before anything was sent to Xen.
     *
     * @param code why the call failed
     * @param message what went wrong, naming the bad value and the allowed range
     */
    public JxenException(ErrorCode code, String message) {
        this(code, message, null, null, null);
    }

    /**
     * Creates an error reported by a backend.
     *
     * @param code why the call failed
     * @param message what went wrong
     * @param backend the backend that failed, or null
     * @param detail the errno name or the backend's own error text, or null
     * @param cause the backend's exception, or null
     */
    public JxenException(ErrorCode code, String message, Backend backend, String detail, Throwable cause) {
        super(message, cause);
        if (code == null) {
            throw new NullPointerException("code");
        }
        this.code = code;
        this.backend = backend;
        this.detail = detail;
    }

    /** Shorthand for {@code new JxenException(ErrorCode.INVALID_ARG, message)}. */
    static JxenException invalidArg(String message) {
        return new JxenException(ErrorCode.INVALID_ARG, message);
    }

    /**
     * Returns why the call failed.
     *
     * @return the error code
     */
    public ErrorCode code() {
        return code;
    }

    /**
     * Returns the backend that failed.
     *
     * @return the backend, or empty when the call was rejected before reaching Xen
     */
    public Optional<Backend> backend() {
        return Optional.ofNullable(backend);
    }

    /**
     * Returns the detail underneath: an errno name, a xenstore error name or xend's error text.
     *
     * @return the detail, or empty
     */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }
}
