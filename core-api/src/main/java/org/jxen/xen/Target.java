package org.jxen.xen;

import java.util.UUID;
import org.jxen.Backend;
import org.jxen.DomainIdentity;
import org.jxen.ErrorCode;
import org.jxen.JxenException;

/**
 * The domain an operation is aimed at, as found at lookup. Backends compare its UUID with what
 * they find under its id, so an id reused by a new domain is never mistaken for it.
 *
 * @param id the domain id
 * @param name the name, for messages
 * @param uuid the UUID
 */
record Target(int id, String name, UUID uuid) {

    static Target of(DomainIdentity identity) {
        return new Target(identity.id(), identity.name(), identity.uuid());
    }

    /** The error for a domain that was destroyed since it was looked up. */
    JxenException gone(Backend backend) {
        return new JxenException(ErrorCode.NO_DOMAIN, this + " (id " + id + ") no longer exists", backend, null, null);
    }

    /** The same, when the backend said so itself: its detail (ESRCH, ENOENT...) and error stay underneath. */
    JxenException gone(JxenException cause) {
        return new JxenException(ErrorCode.NO_DOMAIN, this + " (id " + id + ") no longer exists",
                cause.backend().orElse(null), cause.detail().orElse(null), cause);
    }

    @Override
    public String toString() {
        return "domain " + name;
    }
}
