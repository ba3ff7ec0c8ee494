package org.jxen.xenstore;

import java.util.Objects;

/**
 * One XS_WATCH_EVENT: a node at or below a watched path changed (or, right after
 * {@link XenstoreClient#watch}, the watched path itself, as xenstored always sends first).
 *
 * @param path the node that changed
 * @param token the token of the {@link Watch} that fired
 */
public record WatchEvent(String path, String token) {

    /** Checks for nulls. */
    public WatchEvent {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(token, "token");
    }
}
