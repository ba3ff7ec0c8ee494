package org.jxen.xen;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.jxen.Backend;
import org.jxen.DomainIdentity;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.xenstore.Watch;
import org.jxen.xenstore.WatchEvent;
import org.jxen.xenstore.Xenstore;
import org.jxen.xenstore.XenstoreClient;
import org.jxen.xenstore.XenstoreConnectionException;
import org.jxen.xenstore.XenstoreError;
import org.jxen.xenstore.XenstoreErrorException;
import org.jxen.xenstore.XenstoreException;
import org.jxen.xenstore.XenstoreProtocolException;
import org.jxen.xenstore.XenstoreTimeoutException;

/**
 * What jxen reads and writes in xenstore: domain names, and {@code cpu/N/availability}, the node
 * a guest's hotplug driver watches to bring vCPUs up and down (libxl's way of setting the online
 * count of a running domain).
 */
final class XenstoreBackend {

    private static final String DOMAINS = "/local/domain";

    private final BackendClient<XenstoreClient> store;
    /** Names kept between all-domains reads, by domain id; see {@link #keptName}. */
    private final Map<Integer, String> names = new ConcurrentHashMap<>();
    /** Guards what follows and every change to {@link #names}, so that a stale read is never kept. */
    private final Object namesLock = new Object();
    /** Changes xenstore reported per domain id (ids are below 32,752, so this stays small). */
    private final Map<Integer, Long> nameChanges = new HashMap<>();
    /** Bumped when every name must be read again (the watch's first event, a reconnection). */
    private long namesEpoch;
    /** Whether the event xenstored sends when the watch is set has come (it reports no change). */
    private boolean namesWatchConfirmed;
    private volatile Watch namesWatch;

    XenstoreBackend(BackendClient<XenstoreClient> store) {
        this.store = store;
    }

    /** What this backend is: "available", or why it is not. */
    String why() {
        return store.why();
    }

    private XenstoreClient client() {
        return store.get();
    }

    /** The name xl gave the domain; xl's own fallback when the node is missing. */
    String name(int domid) {
        XenstoreClient c = client();
        try {
            return text(c.read("/local/domain/" + domid + "/name"));
        } catch (XenstoreErrorException e) {
            if (e.error() == XenstoreError.ENOENT) {
                return domid == 0 ? "Domain-0" : "Domain-" + domid;
            }
            throw failure("read the name of domain " + domid, e);
        } catch (XenstoreException e) {
            throw failure("read the name of domain " + domid, e);
        }
    }

    /**
     * The name of a domain as {@link #name} reads it, kept for the next all-domains read: one watch
     * on /local/domain (set with the first call) forgets a name when its domain's directory or
     * name node changes, so a pass over known domains costs no xenstore round trip, and a domain
     * renamed, destroyed or replaced under its id is read again. xentop reads every name every time.
     */
    String keptName(int domid) {
        watchNames();
        String known = names.get(domid);
        if (known != null) {
            return known;
        }
        long epoch;
        long changes;
        synchronized (namesLock) {
            epoch = namesEpoch;
            changes = nameChanges.getOrDefault(domid, 0L);
        }
        String read = name(domid);
        synchronized (namesLock) {
            // A change reported while the name was being read may postdate the read: keep nothing then.
            if (epoch == namesEpoch && changes == nameChanges.getOrDefault(domid, 0L)) {
                names.put(domid, read);
            }
        }
        return read;
    }

    private void watchNames() {
        if (namesWatch != null && client().isConnected()) {
            return;
        }
        synchronized (namesLock) {
            if (namesWatch != null && !client().isConnected()) {
                // Changes made while the connection is down reach no watch: read every name again.
                forgetNames();
                return;
            }
            if (namesWatch == null) {
                try {
                    namesWatch = client().watch(DOMAINS, this::domainsChanged);
                } catch (XenstoreException e) {
                    throw failure("watch the domain names", e);
                }
            }
        }
    }

    /** A change at or below /local/domain: only a domain's directory itself or its name node matters. */
    private void domainsChanged(WatchEvent event) {
        String path = event.path();
        synchronized (namesLock) {
            if (!path.startsWith(DOMAINS + "/")) {
                // The event of the watch being set: the first one says nothing (every read comes
                // after the watch was set); a later one is the client setting it again after a
                // reconnection, when anything may have changed unseen.
                if (!namesWatchConfirmed) {
                    namesWatchConfirmed = true;
                    return;
                }
                forgetNames();
                return;
            }
            String[] below = path.substring(DOMAINS.length() + 1).split("/", 3);
            OptionalInt domid = domid(below[0]);
            if (domid.isPresent() && (below.length == 1 || (below.length == 2 && below[1].equals("name")))) {
                nameChanges.merge(domid.getAsInt(), 1L, Long::sum);
                names.remove(domid.getAsInt());
            }
        }
    }

    /**
     * A domain id as xenstore names its directory under /local/domain: ASCII digits up to
     * {@link DomainIdentity#MAX_ID}; anything else (a peer's junk, an overlong number) names no domain.
     */
    private static OptionalInt domid(String component) {
        if (component.isEmpty() || component.length() > 5 || !component.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        int id = Integer.parseInt(component);
        return id <= DomainIdentity.MAX_ID ? OptionalInt.of(id) : OptionalInt.empty();
    }

    /** Under {@link #namesLock}: every name is to be read again, and reads under way are not kept. */
    private void forgetNames() {
        namesEpoch++;
        nameChanges.clear();
        names.clear();
    }

    /** The id of the domain with this name, if one has it. */
    OptionalInt idOf(String name) {
        XenstoreClient c = client();
        try {
            List<String> ids = c.directory(DOMAINS);
            for (String id : ids) {
                OptionalInt domid = domid(id);
                if (domid.isPresent() && readOptional(c, DOMAINS + "/" + id + "/name").filter(name::equals).isPresent()) {
                    return domid;
                }
            }
            return OptionalInt.empty();
        } catch (XenstoreException e) {
            throw failure("look up domain '" + name + "'", e);
        }
    }

    /**
     * Writes {@code cpu/i/availability} for every vCPU of the domain in one transaction, as libxl
     * does: "online" for the first {@code count}, "offline" for the rest.
     */
    void setVcpus(Target target, int count, int maximum) {
        XenstoreClient c = client();
        String base = "/local/domain/" + target.id();
        try {
            c.transaction(tx -> {
                // The domid node is written when the domain is built and removed when it dies.
                Optional<String> domid = readOptional(tx, base + "/domid");
                if (domid.isEmpty() || !domid.get().equals(Integer.toString(target.id()))) {
                    throw target.gone(Backend.XENSTORE);
                }
                for (int i = 0; i < maximum; i++) {
                    tx.write(base + "/cpu/" + i + "/availability",
                            (i < count ? "online" : "offline").getBytes(StandardCharsets.US_ASCII));
                }
                return null;
            });
        } catch (XenstoreException e) {
            throw failure("set the vCPUs of " + target + " to " + count, e);
        }
    }

    private static Optional<String> readOptional(Xenstore store, String path) {
        try {
            return Optional.of(text(store.read(path)));
        } catch (XenstoreErrorException e) {
            if (e.error() == XenstoreError.ENOENT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }

    /**
     * Turns a xenstore failure into the driver's: a missing or lost xenstored is no support; a
     * daemon that broke the protocol or did not answer is {@link Unavailable} (the client opens a
     * new connection on its next call); conflicts that outlasted the retries are RESOURCE_BUSY; any
     * other refusal is the host's answer.
     */
    static RuntimeException failure(String operation, XenstoreException e) {
        return switch (e) {
            case XenstoreConnectionException c -> failure(ErrorCode.NO_SUPPORT, operation, e, null);
            case XenstoreTimeoutException t -> new Unavailable(failure(ErrorCode.OPERATION_TIMEOUT, operation, e, null));
            case XenstoreProtocolException p -> new Unavailable(failure(ErrorCode.OPERATION_FAILED, operation, e, null));
            case XenstoreErrorException x -> failure(switch (x.error()) {
                case EACCES, EPERM, EROFS -> ErrorCode.OPERATION_DENIED;
                case ENOSYS -> ErrorCode.NO_SUPPORT;
                case EINVAL, E2BIG -> ErrorCode.INVALID_ARG;
                case EAGAIN -> ErrorCode.RESOURCE_BUSY;
                default -> ErrorCode.OPERATION_FAILED;
            }, operation, e, x.error().name());
            default -> failure(ErrorCode.OPERATION_FAILED, operation, e, null);
        };
    }

    private static JxenException failure(ErrorCode code, String operation, XenstoreException e, String detail) {
        return new JxenException(code, "cannot " + operation + ": " + e.getMessage(), Backend.XENSTORE, detail, e);
    }
}
