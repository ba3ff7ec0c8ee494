package org.jxen;

/**
 * Why a jxen call failed, in the spirit of libvirt's {@code virErrorNumber}; {@link #number()}
 * is libvirt's value, so code ported from C can keep comparing numbers.
 */
public enum ErrorCode {
    /** A bug or an answer from Xen that makes no sense ({@code VIR_ERR_INTERNAL_ERROR}). */
    INTERNAL_ERROR(1),
    /** No backend can do this on this host ({@code VIR_ERR_NO_SUPPORT}). */
    NO_SUPPORT(3),
    /** A bad argument: the message names the value and the allowed range ({@code VIR_ERR_INVALID_ARG}). */
    INVALID_ARG(8),
    /** The host refused or failed the operation ({@code VIR_ERR_OPERATION_FAILED}). */
    OPERATION_FAILED(9),
    /** Not allowed: not root, not the control domain, or an XSM policy ({@code VIR_ERR_OPERATION_DENIED}). */
    OPERATION_DENIED(29),
    /** The domain does not exist, or no longer does ({@code VIR_ERR_NO_DOMAIN}). */
    NO_DOMAIN(42),
    /** Valid arguments, but not in the domain's present state ({@code VIR_ERR_OPERATION_INVALID}). */
    OPERATION_INVALID(55),
    /**
     * A daemon did not answer in time ({@code VIR_ERR_OPERATION_TIMEOUT}); the next call may
     * succeed, and other backends were tried first.
     */
    OPERATION_TIMEOUT(68),
    /** A size computation would overflow ({@code VIR_ERR_OVERFLOW}). */
    OVERFLOW(82),
    /**
     * The nodes were busy: xenstore transactions kept conflicting with other writers until the
     * retries and their time ran out ({@code VIR_ERR_RESOURCE_BUSY}). Nothing was changed; retry
     * later.
     */
    RESOURCE_BUSY(87);

    private final int number;

    ErrorCode(int number) {
        this.number = number;
    }

    /**
     * Returns libvirt's number for this code.
     *
     * @return the {@code virErrorNumber} value
     */
    public int number() {
        return number;
    }
}
