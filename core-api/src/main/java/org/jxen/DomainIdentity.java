package org.jxen;

import java.util.UUID;
import org.jxen.internal.Arguments;

/**
 * Who a domain is: its id while it runs, its name and its UUID.
 *
 * @param id the domain id, 0 (Domain-0) to {@value #MAX_ID}
 * @param name the domain's name, not blank
 * @param uuid the domain's UUID (Xen's domain handle)
 */
public record DomainIdentity(int id, String name, UUID uuid) {

    /** The highest ordinary domain id: Xen reserves 0x7FF0 (DOMID_FIRST_RESERVED) and above. */
    public static final int MAX_ID = 0x7FEF;

    /** Checks the id range and that the name is not blank. */
    public DomainIdentity {
        Arguments.notNull(name, "name");
        Arguments.notNull(uuid, "uuid");
        if (id < 0 || id > MAX_ID) {
            throw JxenException.invalidArg("domain id " + id + " is out of range 0-" + MAX_ID);
        }
        if (name.isBlank()) {
            throw JxenException.invalidArg("domain name must not be blank");
        }
    }
}
