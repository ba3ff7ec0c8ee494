package org.jxen.xen;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jxen.Backend;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
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

    private final BackendClient<XenstoreClient> store;

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

    /** The id of the domain with this name, if one has it. */
    OptionalInt idOf(String name) {
        XenstoreClient c = client();
        try {
            List<String> ids = c.directory("/local/domain");
            for (String id : ids) {
                Optional<String> n = readOptional(c, "/local/domain/" + id + "/name");
                if (n.isPresent() && n.get().equals(name) && id.chars().allMatch(Character::isDigit)) {
                    return OptionalInt.of(Integer.parseInt(id));
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
