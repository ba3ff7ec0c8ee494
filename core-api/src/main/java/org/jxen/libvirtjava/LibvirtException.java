package org.jxen.libvirtjava;

import org.jxen.ErrorCode;
import org.jxen.JxenException;

/**
 * libvirt-java's {@code LibvirtException}: the checked exception every call of this package
 * throws, so that a {@code catch (LibvirtException e)} ports unchanged. It wraps the
 * {@link JxenException} that says what failed; its message is that exception's, and
 * {@link #code()} takes the place of libvirt-java's {@code getError().getCode()}.
 */
public final class LibvirtException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Created by this package only, as libvirt-java creates its own. */
    LibvirtException(JxenException cause) {
        super(cause.getMessage(), cause);
    }

    /**
     * Returns why the call failed: jxen's code, whose {@link ErrorCode#number()} is libvirt's
     * {@code virErrorNumber}.
     *
     * @return the error code
     */
    public ErrorCode code() {
        return getCause().code();
    }

    /**
     * Returns the jxen error underneath, with its backend and detail (errno name, xenstore or xend text).
     *
     * @return the wrapped exception, never null
     */
    @Override
    public synchronized JxenException getCause() {
        // The constructor sets a JxenException, and a cause once set cannot be replaced.
        return (JxenException) super.getCause();
    }
}
