package org.jxen.xenstore;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link XenstoreClient} behaves.
 *
 * @param timeout how long any call waits for xenstored's reply before failing with
 *     {@link XenstoreTimeoutException}; positive
 * @param transactionAttempts how many times {@link XenstoreClient#transaction} runs its body
 *     before giving up on repeated {@link XenstoreError#EAGAIN}; at least 1
 */
public record XenstoreOptions(Duration timeout, int transactionAttempts) {

    /** Checks the values. */
    public XenstoreOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (transactionAttempts < 1) {
            throw new IllegalArgumentException("transactionAttempts must be >= 1, got " + transactionAttempts);
        }
    }

    /**
     * The defaults: a 10 s timeout (xenstored answers in well under a millisecond; ten seconds
     * only catches a daemon that is stuck) and 16 transaction attempts.
     *
     * @return the default options
     */
    public static XenstoreOptions defaults() {
        return new XenstoreOptions(Duration.ofSeconds(10), 16);
    }

    /**
     * These options with another timeout.
     *
     * @param newTimeout the timeout; positive
     * @return a copy with the timeout replaced
     */
    public XenstoreOptions withTimeout(Duration newTimeout) {
        return new XenstoreOptions(newTimeout, transactionAttempts);
    }
}
