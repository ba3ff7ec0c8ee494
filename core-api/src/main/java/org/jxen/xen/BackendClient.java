package org.jxen.xen;

import java.util.Objects;
import org.jxen.Backend;
import org.jxen.ErrorCode;
import org.jxen.JxenException;

/**
 * A backend's protocol client, or the reason there is none (no device, no socket, not given). A
 * missing client answers every call with NO_SUPPORT and that reason, which is what lets the
 * fallback policy move past it and name it in the final error.
 *
 * @param backend which backend
 * @param client the client, or null when absent
 * @param absent why there is no client, or null when there is one
 * @param <T> the client type
 */
record BackendClient<T>(Backend backend, T client, String absent) {

    BackendClient {
        Objects.requireNonNull(backend, "backend");
        if ((client == null) == (absent == null)) {
            throw new IllegalArgumentException("exactly one of client and absent must be given");
        }
    }

    static <T> BackendClient<T> of(Backend backend, T client) {
        return new BackendClient<>(backend, client, null);
    }

    static <T> BackendClient<T> absent(Backend backend, String why) {
        return new BackendClient<>(backend, null, why);
    }

    /** The client; NO_SUPPORT with the reason when there is none. */
    T get() {
        if (client == null) {
            throw new JxenException(ErrorCode.NO_SUPPORT, absent, backend, null, null);
        }
        return client;
    }

    /** Whether there is a client. */
    boolean available() {
        return client != null;
    }

    /** "available", or why not. */
    String why() {
        return available() ? "available" : absent;
    }
}
