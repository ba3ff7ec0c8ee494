package org.jxen.xen;

import java.util.UUID;
import org.jxen.Backend;
import org.jxen.DomainIdentity;
import org.jxen.ErrorCode;
import org.jxen.JxenException;

/**
 * The domain an operation is aimed at: the identity found at lookup, with what the backends need
 * to address it and to say it is gone. Backends compare its UUID with what they find under its
 * id, so an id reused by a new domain is never mistaken for it.
 *
 * @param identity the domain as found at lookup
 */
record Target(DomainIdentity identity) {

    int id() {
        return identity.id();
    }

    UUID uuid() {
        return identity.uuid();
    }

    /** The error for a domain that was destroyed since it was looked up. */
    JxenException gone(Backend backend) {
        return new JxenException(ErrorCode.NO_DOMAIN, this + " (id " + id() + ") no longer exists", backend, null, null);
    }

    /** The same, when the backend said so itself: its detail (ESRCH, ENOENT...) and error stay underneath. */
    JxenException gone(JxenException cause) {
        return new JxenException(ErrorCode.NO_DOMAIN, this + " (id " + id() + ") no longer exists",
                cause.backend().orElse(null), cause.detail().orElse(null), cause);
    }

    /** "domain NAME", for messages. */
    @Override
    public String toString() {
        return "domain " + identity.name();
    }
}
