package org.jxen.xenstore;

import java.util.concurrent.atomic.AtomicBoolean;

/** A watch set by {@link XenstoreClient#watch}; closing it removes it (XS_UNWATCH). */
public final class Watch implements AutoCloseable {
    private final XenstoreClient client;
    private final String path;
    private final String token;
    private final AtomicBoolean closed = new AtomicBoolean();

    Watch(XenstoreClient client, String path, String token) {
        this.client = client;
        this.path = path;
        this.token = token;
    }

    /**
     * The watched path.
     *
     * @return the path as given
     */
    public String path() {
        return path;
    }

    /**
     * The token xenstored puts in this watch's events; unique per client.
     *
     * @return the token
     */
    public String token() {
        return token;
    }

    /**
     * Stops the events and removes the watch from xenstored (unless the connection is already
     * gone, which removes it anyway). Idempotent.
     */
    @Override
    public void close() {
        if (!closed.getAndSet(true)) {
            client.unwatch(this);
        }
    }

    @Override
    public String toString() {
        return "Watch[" + path + ", " + token + "]";
    }
}
