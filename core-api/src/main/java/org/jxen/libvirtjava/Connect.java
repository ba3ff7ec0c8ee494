package org.jxen.libvirtjava;


import java.net.URI;
import java.net.URISyntaxException;
import java.util.HexFormat;
import java.util.UUID;
import org.jxen.DomainIdentity;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.JxenException;
import org.jxen.internal.Arguments;
import org.jxen.internal.HostCpus;

/**
 * libvirt-java's {@code Connect}, for the vCPU API: a connection to a Xen host and the lookups of
 * its running domains. There is no domain XML and no authentication callback: jxen runs in dom0
 * and opens the host's devices itself.
 */
public final class Connect {

    private final Hypervisor hypervisor;
    private final boolean owned;
    private final HostCpus hostCpus;

    /**
     * Opens a host, as libvirt-java's {@code new Connect(uri)}: {@code xen:///} is this dom0; other
     * schemes come from jxen's providers (see {@link Hypervisor#open(URI)}). libvirt's default
     * connection for a null URI does not exist here: name the host.
     *
     * @param uri the host, e.g. {@code xen:///}
     * @throws LibvirtException INVALID_ARG for a null, malformed or unknown URI, NO_SUPPORT when
     *     {@code xen:///} finds no Xen on this machine
     */
    public Connect(String uri) throws LibvirtException {
        this(Calls.get(() -> Hypervisor.open(parse(uri))), true);
    }

    private Connect(Hypervisor hypervisor, boolean owned) {
        this.hypervisor = hypervisor;
        this.hostCpus = new HostCpus(hypervisor);
        this.owned = owned;
    }

    /**
     * Wraps a connection the caller opened through jxen (not in libvirt-java): for embedders and
     * tests. {@link #close()} then leaves it open; the caller closes it.
     *
     * @param hypervisor the connection
     * @return the adapter
     * @throws LibvirtException INVALID_ARG when {@code hypervisor} is null
     */
    public static Connect wrap(Hypervisor hypervisor) throws LibvirtException {
        return new Connect(Calls.get(() -> Arguments.notNull(hypervisor, "hypervisor")), false);
    }

    private static URI parse(String uri) {
        Arguments.notNull(uri, "uri");
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            throw new JxenException(ErrorCode.INVALID_ARG, "URI '" + uri + "' is malformed: " + e.getReason(), null, null, e);
        }
    }

    /**
     * Returns the jxen connection underneath (not in libvirt-java), to move code to the
     * {@link org.jxen} API one call at a time.
     *
     * @return the hypervisor
     */
    public Hypervisor getHypervisor() {
        return hypervisor;
    }

    /** How many CPU numbers the host's maps hold, read once per connection. */
    int hostCpus() {
        return hostCpus.get();
    }

    /**
     * libvirt-java's {@code close()}: closes the connection if this adapter opened it (a wrapped
     * one stays open). Closing twice is harmless.
     *
     * @return 0, libvirt-java's count of remaining references
     * @throws LibvirtException when the host fails to close
     */
    public int close() throws LibvirtException {
        if (owned) {
            Calls.run(hypervisor::close);
        }
        return 0;
    }

    /**
     * libvirt-java's {@code domainLookupByName(String)}.
     *
     * @param name the domain's name
     * @return the domain
     * @throws LibvirtException NO_DOMAIN when no running domain has that name, INVALID_ARG for a
     *     null or blank name
     */
    public Domain domainLookupByName(String name) throws LibvirtException {
        return Calls.get(() -> new Domain(this, hypervisor.domain(name)));
    }

    /**
     * libvirt-java's {@code domainLookupByID(int)}.
     *
     * @param id the domain id, 0 to {@value DomainIdentity#MAX_ID}
     * @return the domain
     * @throws LibvirtException NO_DOMAIN when no domain runs with that id, INVALID_ARG outside the range
     */
    public Domain domainLookupByID(int id) throws LibvirtException {
        return Calls.get(() -> new Domain(this, hypervisor.domain(id)));
    }

    /**
     * libvirt-java's {@code domainLookupByUUID(UUID)}.
     *
     * @param uuid the domain's UUID
     * @return the domain
     * @throws LibvirtException NO_DOMAIN when no running domain has that UUID, INVALID_ARG for null
     */
    public Domain domainLookupByUUID(UUID uuid) throws LibvirtException {
        return Calls.get(() -> new Domain(this, hypervisor.domain(uuid)));
    }

    /**
     * libvirt-java's {@code domainLookupByUUID(int[])}: the UUID's 16 bytes, one per int, as
     * {@link Domain#getUUID()} returns them.
     *
     * @param uuid 16 elements, each 0-255
     * @return the domain
     * @throws LibvirtException NO_DOMAIN when no running domain has that UUID, INVALID_ARG for null,
     *     another length or an element outside 0-255
     */
    public Domain domainLookupByUUID(int[] uuid) throws LibvirtException {
        return Calls.get(() -> new Domain(this, hypervisor.domain(ByteInts.toUuid(uuid))));
    }

    /**
     * libvirt-java's {@code domainLookupByUUIDString(String)}. As libvirt, takes the 32 hex digits
     * with or without the dashes.
     *
     * @param uuid the UUID's text
     * @return the domain
     * @throws LibvirtException NO_DOMAIN when no running domain has that UUID, INVALID_ARG for null
     *     or text that is not a UUID
     */
    public Domain domainLookupByUUIDString(String uuid) throws LibvirtException {
        return Calls.get(() -> new Domain(this, hypervisor.domain(parseUuid(uuid))));
    }

    private static UUID parseUuid(String text) {
        String hex = Arguments.notNull(text, "uuid").replace("-", "");
        if (!hex.matches("[0-9a-fA-F]{32}")) {
            throw Calls.invalidArg("uuid '" + text + "' is not a UUID: it must be 32 hex digits, dashes allowed");
        }
        return new UUID(HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32));
    }

    /**
     * libvirt-java's {@code listDomains()}: the ids of the running domains.
     *
     * @return the ids, in id order, Domain-0 first
     * @throws LibvirtException when the host cannot list them
     */
    public int[] listDomains() throws LibvirtException {
        return Calls.get(() -> hypervisor.listDomains().stream().mapToInt(DomainIdentity::id).toArray());
    }

    /**
     * libvirt-java's {@code nodeInfo()}.
     *
     * @return the host's CPUs, memory and topology
     * @throws LibvirtException when the host cannot be read
     */
    public NodeInfo nodeInfo() throws LibvirtException {
        return Calls.get(() -> new NodeInfo(hypervisor.nodeInfo()));
    }
}
