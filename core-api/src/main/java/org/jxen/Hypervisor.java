package org.jxen;

import java.util.List;
import java.util.UUID;

/**
 * A connection to a Xen host. It holds the host's devices and sockets open until {@link #close()}.
 * Implementations are safe for concurrent use by many threads; closing while calls are in flight
 * lets those calls finish or fail with a {@link JxenException}, never corrupt memory.
 */
public interface Hypervisor extends AutoCloseable {

    /**
     * Returns the host's CPUs, memory and Xen version.
     *
     * @return the node information
     */
    NodeInfo nodeInfo();

    /**
     * Lists the running domains in id order, Domain-0 first.
     *
     * @return the domains
     */
    List<DomainIdentity> listDomains();

    /**
     * Returns Domain-0, the domain the 2006 API addressed as a NULL domain.
     *
     * @return Domain-0
     */
    Domain domain0();

    /**
     * Looks up a running domain by id.
     *
     * @param id 0 to {@value DomainIdentity#MAX_ID}
     * @return the domain; {@link ErrorCode#NO_DOMAIN} if there is none
     */
    Domain domain(int id);

    /**
     * Looks up a running domain by name.
     *
     * @param name the name
     * @return the domain; {@link ErrorCode#NO_DOMAIN} if there is none
     */
    Domain domain(String name);

    /**
     * Looks up a running domain by UUID.
     *
     * @param uuid the UUID
     * @return the domain; {@link ErrorCode#NO_DOMAIN} if there is none
     */
    Domain domain(UUID uuid);

    /** Releases the host's devices and sockets; further calls fail. Closing twice is harmless. */
    @Override
    void close();
}
