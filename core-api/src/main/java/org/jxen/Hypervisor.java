package org.jxen;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import org.jxen.hypercall.InterfaceVersions;
import org.jxen.hypercall.PrivcmdDevice;
import org.jxen.spi.HypervisorProvider;
import org.jxen.xen.XenDriver;
import org.jxen.xend.XendClient;
import org.jxen.xenstore.XenstoreClient;

/**
 * A connection to a Xen host. It holds the host's devices and sockets open until {@link #close()}.
 * Implementations are safe for concurrent use by many threads; closing while calls are in flight
 * lets those calls finish or fail with a {@link JxenException}, never corrupt memory.
 */
public interface Hypervisor extends AutoCloseable {

    /**
     * Opens a host by URI, as libvirt's {@code virConnectOpen} does: {@code xen:///} is this dom0
     * (privcmd, xenstore, and xend when its socket exists); any other scheme is looked up among the
     * {@link HypervisorProvider}s on the module or class path ({@code test:///default} comes from
     * the {@code jxen-test-driver} artifact).
     *
     * @param uri the host
     * @return an open connection; close it
     * @throws JxenException INVALID_ARG for a URI no driver accepts (the message lists the ones
     *     that exist), NO_SUPPORT when {@code xen:///} finds no Xen interface on this machine
     */
    static Hypervisor open(URI uri) {
        Objects.requireNonNull(uri, "uri");
        if (XenDriver.accepts(uri)) {
            return XenDriver.openHost(uri);
        }
        List<String> known = new ArrayList<>(List.of(XenDriver.URI));
        for (HypervisorProvider provider : ServiceLoader.load(HypervisorProvider.class)) {
            if (provider.accepts(uri)) {
                return provider.open(uri);
            }
            known.addAll(provider.examples());
        }
        throw new JxenException(ErrorCode.INVALID_ARG, "unsupported URI '" + uri + "': jxen opens " + String.join(", ", known));
    }

    /**
     * Starts building a connection from backend instances the caller opened: what tests and
     * embedders with their own sockets use. The connection owns them and closes them.
     *
     * @return a builder with no backend
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the host's CPUs, memory and Xen version.
     *
     * @return the node information
     */
    NodeInfo nodeInfo();

    /**
     * Returns the domctl and sysctl interface versions jxen found Xen accepting when it opened
     * privcmd: they select the struct layouts of every hypercall (0x15 and 0x15 on Xen 4.17).
     *
     * @return the versions; empty when this connection has no privcmd backend (no device, or a
     *     host reached through xenstore and xend only)
     */
    Optional<InterfaceVersions> interfaceVersions();

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

    /**
     * Builds a {@link Hypervisor} from explicit backends; any of them may be left out, and the
     * operations that need it then move on to the next backend (see DESIGN.md, "Backends and
     * fallback"). Not thread-safe; the built connection is.
     */
    final class Builder {

        private PrivcmdDevice privcmd;
        private XenstoreClient xenstore;
        private XendClient xend;

        private Builder() {
        }

        /**
         * Uses a privcmd device for hypercalls.
         *
         * @param device the device; the connection closes it
         * @return this builder
         */
        public Builder privcmd(PrivcmdDevice device) {
            this.privcmd = Objects.requireNonNull(device, "device");
            return this;
        }

        /**
         * Uses a xenstore connection.
         *
         * @param client the client; the connection closes it
         * @return this builder
         */
        public Builder xenstore(XenstoreClient client) {
            this.xenstore = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Uses xend, the legacy fallback.
         *
         * @param client the client
         * @return this builder
         */
        public Builder xend(XendClient client) {
            this.xend = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Connects: probes the hypervisor's interface versions through the device, if one was given.
         *
         * @return the connection
         * @throws JxenException NO_SUPPORT when no backend was given, or what the probe failed with
         */
        public Hypervisor build() {
            return XenDriver.create(privcmd, xenstore, xend);
        }
    }
}
