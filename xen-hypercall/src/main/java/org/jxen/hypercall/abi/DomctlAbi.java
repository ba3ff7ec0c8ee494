package org.jxen.hypercall.abi;

import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.StructLayout;

/**
 * One domctl interface version: its number and the {@code struct xen_domctl} layout that goes with
 * it, with the fields jxen reads and writes located in that layout. Payload fields are absolute
 * offsets in the domctl struct; {@link #info} is relative to a {@code xen_domctl_getdomaininfo},
 * which also makes up the array of XEN_SYSCTL_getdomaininfolist.
 */
public final class DomctlAbi {

    /** XEN_VCPUAFFINITY_HARD. */
    public static final int VCPUAFFINITY_HARD = 1;
    /** XEN_VCPUAFFINITY_SOFT. */
    public static final int VCPUAFFINITY_SOFT = 2;

    private final int version;
    private final StructLayout layout;

    /** {@code cmd}. */
    public final Field cmd;
    /** {@code interface_version}. */
    public final Field interfaceVersion;
    /** {@code domain}: the target; getdomaininfo writes the domain it reported here. */
    public final Field domain;
    /** Where {@code u} starts. */
    public final long payloadOffset;
    /** {@code u.getdomaininfo} fields, relative to the getdomaininfo struct. */
    public final DomainInfoFields info;
    /** {@code u.max_vcpus.max}. */
    public final Field maxVcpus;
    /** {@code u.getvcpuinfo.vcpu}. */
    public final Field vcpuinfoVcpu;
    /** {@code u.getvcpuinfo.online}. */
    public final Field vcpuinfoOnline;
    /** {@code u.getvcpuinfo.blocked}. */
    public final Field vcpuinfoBlocked;
    /** {@code u.getvcpuinfo.running}. */
    public final Field vcpuinfoRunning;
    /** {@code u.getvcpuinfo.cpu_time}. */
    public final Field vcpuinfoCpuTime;
    /** {@code u.getvcpuinfo.cpu}. */
    public final Field vcpuinfoCpu;
    /** {@code u.vcpuaffinity.vcpu}. */
    public final Field affinityVcpu;
    /** {@code u.vcpuaffinity.flags}. */
    public final Field affinityFlags;
    /** {@code u.vcpuaffinity.cpumap_hard.bitmap}. */
    public final Field hardBitmap;
    /** {@code u.vcpuaffinity.cpumap_hard.nr_bits}. */
    public final Field hardNrBits;
    /** {@code u.vcpuaffinity.cpumap_soft.bitmap}. */
    public final Field softBitmap;
    /** {@code u.vcpuaffinity.cpumap_soft.nr_bits}. */
    public final Field softNrBits;

    DomctlAbi(int version, StructLayout layout) {
        this.version = version;
        this.layout = layout;
        cmd = Field.of(layout, "cmd");
        interfaceVersion = Field.of(layout, "interface_version");
        domain = Field.of(layout, "domain");
        payloadOffset = Field.of(layout, "u").offset();
        info = new DomainInfoFields(
                (StructLayout) layout.select(PathElement.groupElement("u"), PathElement.groupElement("getdomaininfo")));
        maxVcpus = Field.of(layout, "u.max_vcpus.max");
        vcpuinfoVcpu = Field.of(layout, "u.getvcpuinfo.vcpu");
        vcpuinfoOnline = Field.of(layout, "u.getvcpuinfo.online");
        vcpuinfoBlocked = Field.of(layout, "u.getvcpuinfo.blocked");
        vcpuinfoRunning = Field.of(layout, "u.getvcpuinfo.running");
        vcpuinfoCpuTime = Field.of(layout, "u.getvcpuinfo.cpu_time");
        vcpuinfoCpu = Field.of(layout, "u.getvcpuinfo.cpu");
        affinityVcpu = Field.of(layout, "u.vcpuaffinity.vcpu");
        affinityFlags = Field.of(layout, "u.vcpuaffinity.flags");
        hardBitmap = Field.of(layout, "u.vcpuaffinity.cpumap_hard.bitmap");
        hardNrBits = Field.of(layout, "u.vcpuaffinity.cpumap_hard.nr_bits");
        softBitmap = Field.of(layout, "u.vcpuaffinity.cpumap_soft.bitmap");
        softNrBits = Field.of(layout, "u.vcpuaffinity.cpumap_soft.nr_bits");
    }

    /**
     * Returns XEN_DOMCTL_INTERFACE_VERSION.
     *
     * @return e.g. 0x15
     */
    public int version() {
        return version;
    }

    /**
     * Returns {@code struct xen_domctl}.
     *
     * @return the layout, 144 bytes
     */
    public StructLayout layout() {
        return layout;
    }

    /**
     * Returns the size of {@code struct xen_domctl}.
     *
     * @return bytes
     */
    public long size() {
        return layout.byteSize();
    }

    /** The fields of {@code struct xen_domctl_getdomaininfo} that jxen uses, relative to its start. */
    public static final class DomainInfoFields {
        private final StructLayout layout;
        /** {@code domain}. */
        public final Field domain;
        /** {@code flags}. */
        public final Field flags;
        /** {@code tot_pages}. */
        public final Field totPages;
        /** {@code max_pages}. */
        public final Field maxPages;
        /** {@code cpu_time}. */
        public final Field cpuTime;
        /** {@code nr_online_vcpus}. */
        public final Field nrOnlineVcpus;
        /** {@code max_vcpu_id}. */
        public final Field maxVcpuId;
        /** {@code handle}: 16 bytes. */
        public final Field handle;
        /** {@code cpupool}. */
        public final Field cpupool;

        DomainInfoFields(StructLayout layout) {
            this.layout = layout;
            domain = Field.of(layout, "domain");
            flags = Field.of(layout, "flags");
            totPages = Field.of(layout, "tot_pages");
            maxPages = Field.of(layout, "max_pages");
            cpuTime = Field.of(layout, "cpu_time");
            nrOnlineVcpus = Field.of(layout, "nr_online_vcpus");
            maxVcpuId = Field.of(layout, "max_vcpu_id");
            handle = Field.of(layout, "handle");
            cpupool = Field.of(layout, "cpupool");
        }

        /**
         * Returns {@code struct xen_domctl_getdomaininfo}.
         *
         * @return the layout
         */
        public StructLayout layout() {
            return layout;
        }

        /**
         * Returns the size of one entry of a getdomaininfolist array.
         *
         * @return bytes
         */
        public long size() {
            return layout.byteSize();
        }
    }
}
