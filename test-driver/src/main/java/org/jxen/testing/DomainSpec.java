package org.jxen.testing;

import java.util.UUID;
import org.jxen.DomainIdentity;

/** A domain to create, checked against the limits the kit documents. */
record DomainSpec(int id, String name, UUID uuid, int maxVcpus, int onlineVcpus) {

    DomainSpec {
        Require.between(id, "domain id", 0, DomainIdentity.MAX_ID);
        if (Require.notNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("name \"" + name + "\" is blank; a domain needs a name");
        }
        Require.notNull(uuid, "uuid");
        Require.between(maxVcpus, "maxVcpus of " + name, 1, SimulatedXen.MAX_VCPUS);
        Require.between(onlineVcpus, "onlineVcpus of " + name, 1, maxVcpus);
    }
}
