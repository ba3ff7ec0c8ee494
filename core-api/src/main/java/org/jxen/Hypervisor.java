package org.jxen;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import org.jxen.internal.Arguments;
import org.jxen.spi.HypervisorProvider;

/**
 * A connection to a Xen host. It holds the host's devices and sockets open until {@link #close()}.
 * Implementations are safe for concurrent use by many threads; closing while calls are in flight
 * lets those calls finish or fail with a {@link JxenException}, never corrupt memory. Every method
 * throws only {@link JxenException}; a null argument is {@link ErrorCode#INVALID_ARG}.
 */
public interface Hypervisor extends AutoCloseable {

    /**
     * Opens a host by URI, as libvirt's {@code virConnectOpen} does. The drivers are
     * {@link HypervisorProvider}s found on the module or class path: {@code xen:///} (this dom0:
     * privcmd, xenstore, and xend when its socket exists) comes with this artifact,
     * {@code test:///default} with {@code org.jxen:jxen-test-driver}.
     *
     * @param uri the host
     * @return an open connection; close it
     * @throws JxenException INVALID_ARG for a null URI or one no driver accepts (the message lists
     *     the URIs that can be opened, and names the artifact a {@code test:} URI needs);
     *     NO_SUPPORT when {@code xen:///} finds no Xen interface on this machine or the JVM does
     *     not allow jxen native access (the message names the flag);
     *     OPERATION_DENIED when the Xen devices exist but this process may not open them
     */
    static Hypervisor open(URI uri) {
        Arguments.notNull(uri, "uri");
        List<String> known = new ArrayList<>();
        for (HypervisorProvider provider : ServiceLoader.load(HypervisorProvider.class)) {
            if (provider.accepts(uri)) {
                return provider.open(uri);
            }
            known.addAll(provider.examples());
        }
        String hint = "test".equalsIgnoreCase(uri.getScheme())
                ? ": test: URIs need the artifact org.jxen:jxen-test-driver on the class or module path; jxen opens "
                : ": jxen opens ";
        known.sort(null); // ServiceLoader's order is the class path's: keep the message stable
        throw new JxenException(ErrorCode.INVALID_ARG, "unsupported URI '" + uri + "'" + hint + String.join(", ", known));
    }

    /**
     * Returns the host's CPUs, memory and Xen version.
     *
     * @return the node information
     * @throws JxenException OPERATION_INVALID after {@link #close()}; NO_SUPPORT when no backend
     *     can read it; what Xen answered otherwise (OPERATION_DENIED, OPERATION_FAILED)
     */
    NodeInfo nodeInfo();

    /**
     * Returns the domctl and sysctl interface versions jxen found Xen accepting when it opened
     * privcmd: they select the struct layouts of every hypercall (0x15 and 0x15 on Xen 4.17).
     *
     * @return the versions; empty when this connection has no privcmd backend (no device, or a
     *     host reached through xenstore and xend only)
     * @throws JxenException OPERATION_INVALID after {@link #close()}
     */
    Optional<InterfaceVersions> interfaceVersions();

    /**
     * Lists the running domains in id order, Domain-0 first.
     *
     * @return the domains
     * @throws JxenException OPERATION_INVALID after {@link #close()}; NO_SUPPORT when no backend
     *     can list them; what Xen answered otherwise
     */
    List<DomainIdentity> listDomains();

    /**
     * Reads the vCPUs of every running domain in one pass, as a statistics collector polls (libvirt's
     * {@code virConnectGetAllDomainStats} with {@code VIR_DOMAIN_STATS_VCPU}, {@code xl vcpu-list}
     * without a domain). Through privcmd it costs one getdomaininfolist per 1024 domains and one
     * getvcpuinfo per vCPU, plus one getvcpuaffinity per vCPU when {@code withAffinity}; through
     * xend one domain list and one vcpuinfo per domain. A domain destroyed during the pass is left
     * out, not an error.
     *
     * @param withAffinity whether to read each vCPU's hard and soft affinity too
     * @return the domains in id order, and when they were read
     * @throws JxenException OPERATION_INVALID after {@link #close()}; NO_SUPPORT when no backend
     *     can read them; what Xen answered otherwise
     */
    VcpuSnapshot vcpuSnapshot(boolean withAffinity);

    /**
     * Returns Domain-0, the domain the 2006 API addressed as a NULL domain.
     *
     * @return Domain-0
     * @throws JxenException as {@link #domain(int)}
     */
    Domain domain0();

    /**
     * Looks up a running domain by id.
     *
     * @param id 0 to {@value DomainIdentity#MAX_ID}
     * @return the domain
     * @throws JxenException INVALID_ARG for an id out of range; NO_DOMAIN if there is none;
     *     OPERATION_INVALID after {@link #close()}; NO_SUPPORT when no backend can look it up
     */
    Domain domain(int id);

    /**
     * Looks up a running domain by name.
     *
     * @param name the name
     * @return the domain
     * @throws JxenException INVALID_ARG for a null or blank name; NO_DOMAIN if there is none;
     *     OPERATION_INVALID after {@link #close()}; NO_SUPPORT when no backend can look it up
     */
    Domain domain(String name);

    /**
     * Looks up a running domain by UUID.
     *
     * @param uuid the UUID
     * @return the domain
     * @throws JxenException INVALID_ARG for a null UUID; NO_DOMAIN if there is none;
     *     OPERATION_INVALID after {@link #close()}; NO_SUPPORT when no backend can look it up
     */
    Domain domain(UUID uuid);

    /**
     * Releases the host's devices and sockets; further calls fail with OPERATION_INVALID. Closing
     * twice is harmless.
     *
     * @throws JxenException OPERATION_FAILED when a device or socket cannot be closed (all are
     *     closed nonetheless)
     */
    @Override
    void close();
}
