package org.jxen.hypercall.abi;

import java.lang.foreign.StructLayout;

/**
 * One sysctl interface version: its number and the {@code struct xen_sysctl} layout that goes with
 * it, with the fields jxen reads and writes located in that layout (absolute offsets).
 */
public final class SysctlAbi {

    private final int version;
    private final StructLayout layout;

    /** {@code cmd}. */
    public final Field cmd;
    /** {@code interface_version}. */
    public final Field interfaceVersion;
    /** {@code u.physinfo.threads_per_core}. */
    public final Field threadsPerCore;
    /** {@code u.physinfo.cores_per_socket}. */
    public final Field coresPerSocket;
    /** {@code u.physinfo.nr_cpus}. */
    public final Field nrCpus;
    /** {@code u.physinfo.max_cpu_id}. */
    public final Field maxCpuId;
    /** {@code u.physinfo.nr_nodes}. */
    public final Field nrNodes;
    /** {@code u.physinfo.max_node_id}. */
    public final Field maxNodeId;
    /** {@code u.physinfo.cpu_khz}. */
    public final Field cpuKhz;
    /** {@code u.physinfo.capabilities}. */
    public final Field capabilities;
    /** {@code u.physinfo.total_pages}. */
    public final Field totalPages;
    /** {@code u.physinfo.free_pages}. */
    public final Field freePages;
    /** {@code u.getdomaininfolist.first_domain}. */
    public final Field listFirstDomain;
    /** {@code u.getdomaininfolist.max_domains}. */
    public final Field listMaxDomains;
    /** {@code u.getdomaininfolist.buffer}. */
    public final Field listBuffer;
    /** {@code u.getdomaininfolist.num_domains}. */
    public final Field listNumDomains;

    SysctlAbi(int version, StructLayout layout) {
        this.version = version;
        this.layout = layout;
        cmd = Field.of(layout, "cmd");
        interfaceVersion = Field.of(layout, "interface_version");
        threadsPerCore = Field.of(layout, "u.physinfo.threads_per_core");
        coresPerSocket = Field.of(layout, "u.physinfo.cores_per_socket");
        nrCpus = Field.of(layout, "u.physinfo.nr_cpus");
        maxCpuId = Field.of(layout, "u.physinfo.max_cpu_id");
        nrNodes = Field.of(layout, "u.physinfo.nr_nodes");
        maxNodeId = Field.of(layout, "u.physinfo.max_node_id");
        cpuKhz = Field.of(layout, "u.physinfo.cpu_khz");
        capabilities = Field.of(layout, "u.physinfo.capabilities");
        totalPages = Field.of(layout, "u.physinfo.total_pages");
        freePages = Field.of(layout, "u.physinfo.free_pages");
        listFirstDomain = Field.of(layout, "u.getdomaininfolist.first_domain");
        listMaxDomains = Field.of(layout, "u.getdomaininfolist.max_domains");
        listBuffer = Field.of(layout, "u.getdomaininfolist.buffer");
        listNumDomains = Field.of(layout, "u.getdomaininfolist.num_domains");
    }

    /**
     * Returns XEN_SYSCTL_INTERFACE_VERSION.
     *
     * @return e.g. 0x15
     */
    public int version() {
        return version;
    }

    /**
     * Returns {@code struct xen_sysctl}.
     *
     * @return the layout, 136 bytes
     */
    public StructLayout layout() {
        return layout;
    }

    /**
     * Returns the size of {@code struct xen_sysctl}.
     *
     * @return bytes
     */
    public long size() {
        return layout.byteSize();
    }
}
