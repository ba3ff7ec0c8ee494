package org.jxen.xen;

import org.jxen.JxenException;

/**
 * Thrown by a backend whose connection broke or timed out (a daemon that sent what its protocol
 * forbids, went away mid-call, or did not answer): not an answer from Xen, so {@link FallbackPolicy}
 * tries the next backend, and the connection is opened afresh on the next call. Never leaves the
 * driver: the policy turns it back into its {@link JxenException}.
 */
final class Unavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The error to report if no backend answers. */
    private final JxenException failure;

    Unavailable(JxenException failure) {
        super(failure.getMessage(), failure, false, false);
        this.failure = failure;
    }

    JxenException failure() {
        return failure;
    }
}
