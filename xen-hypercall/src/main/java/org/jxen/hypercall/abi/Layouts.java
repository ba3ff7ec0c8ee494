package org.jxen.hypercall.abi;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.MemoryLayout.unionLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * The C structs of the privcmd driver and of Xen's public headers (x86_64), transcribed member by
 * member with the headers' names, so that a path such as "u.getvcpuinfo.cpu_time" means what it
 * means in C. Checked by the tests against Debian's libxen-dev headers and against the per-release
 * tables of docs/xen-abi.md (Xen's public headers at each release tag). Guest handles are 64-bit addresses ({@code XEN_GUEST_HANDLE_64}).
 */
public final class Layouts {

    private Layouts() {
    }

    /** {@code struct privcmd_hypercall { __u64 op; __u64 arg[5]; }}, 48 bytes (linux/include/uapi/xen/privcmd.h). */
    public static final StructLayout PRIVCMD_HYPERCALL = structLayout(
            JAVA_LONG.withName("op"),
            sequenceLayout(5, JAVA_LONG).withName("arg"));

    /** {@code struct xenctl_bitmap}: a guest handle to the bytes and their number of bits, 16 bytes. */
    static final StructLayout XENCTL_BITMAP = structLayout(
            JAVA_LONG.withName("bitmap"),
            JAVA_INT.withName("nr_bits"),
            paddingLayout(4));

    /** {@code struct xen_domctl_getdomaininfo}, 112 bytes, unchanged from Xen 4.16 to 4.22. */
    static final StructLayout GETDOMAININFO_4_16 = structLayout(
            JAVA_SHORT.withName("domain"),
            JAVA_SHORT.withName("pad1"),
            JAVA_INT.withName("flags"),
            JAVA_LONG.withName("tot_pages"),
            JAVA_LONG.withName("max_pages"),
            JAVA_LONG.withName("outstanding_pages"),
            JAVA_LONG.withName("shr_pages"),
            JAVA_LONG.withName("paged_pages"),
            JAVA_LONG.withName("shared_info_frame"),
            JAVA_LONG.withName("cpu_time"),
            JAVA_INT.withName("nr_online_vcpus"),
            JAVA_INT.withName("max_vcpu_id"),
            JAVA_INT.withName("ssidref"),
            sequenceLayout(16, JAVA_BYTE).withName("handle"),
            JAVA_INT.withName("cpupool"),
            JAVA_BYTE.withName("gpaddr_bits"),
            sequenceLayout(7, JAVA_BYTE).withName("pad2"),
            structLayout(JAVA_INT.withName("emulation_flags"), JAVA_INT.withName("misc_flags")).withName("arch_config"));

    /** {@code struct xen_domctl_max_vcpus}, 4 bytes. */
    static final StructLayout MAX_VCPUS = structLayout(JAVA_INT.withName("max"));

    /** {@code struct xen_domctl_getvcpuinfo}, 24 bytes, unchanged since Xen 3.0.3. */
    static final StructLayout GETVCPUINFO = structLayout(
            JAVA_INT.withName("vcpu"),
            JAVA_BYTE.withName("online"),
            JAVA_BYTE.withName("blocked"),
            JAVA_BYTE.withName("running"),
            paddingLayout(1),
            JAVA_LONG.withName("cpu_time"),
            JAVA_INT.withName("cpu"),
            paddingLayout(4));

    /** {@code struct xen_domctl_vcpuaffinity}, 40 bytes since Xen 4.5. */
    static final StructLayout VCPUAFFINITY = structLayout(
            JAVA_INT.withName("vcpu"),
            JAVA_INT.withName("flags"),
            XENCTL_BITMAP.withName("cpumap_hard"),
            XENCTL_BITMAP.withName("cpumap_soft"));

    /** {@code struct xen_domctl} with the payloads jxen uses, 144 bytes; the header is the same in every release. */
    static final StructLayout DOMCTL_4_16 = structLayout(
            JAVA_INT.withName("cmd"),
            JAVA_INT.withName("interface_version"),
            JAVA_SHORT.withName("domain"),
            sequenceLayout(3, JAVA_SHORT).withName("_pad"),
            unionLayout(
                    GETDOMAININFO_4_16.withName("getdomaininfo"),
                    VCPUAFFINITY.withName("vcpuaffinity"),
                    MAX_VCPUS.withName("max_vcpus"),
                    GETVCPUINFO.withName("getvcpuinfo"),
                    sequenceLayout(128, JAVA_BYTE).withName("pad")).withName("u"));

    /** {@code struct xen_sysctl_physinfo} of Xen 4.10 to 4.16 (sysctl 0x10 to 0x14), 104 bytes. */
    static final StructLayout PHYSINFO_4_16 = structLayout(
            JAVA_INT.withName("threads_per_core"),
            JAVA_INT.withName("cores_per_socket"),
            JAVA_INT.withName("nr_cpus"),
            JAVA_INT.withName("max_cpu_id"),
            JAVA_INT.withName("nr_nodes"),
            JAVA_INT.withName("max_node_id"),
            JAVA_INT.withName("cpu_khz"),
            JAVA_INT.withName("capabilities"),
            JAVA_LONG.withName("total_pages"),
            JAVA_LONG.withName("free_pages"),
            JAVA_LONG.withName("scrub_pages"),
            JAVA_LONG.withName("outstanding_pages"),
            JAVA_LONG.withName("max_mfn"),
            sequenceLayout(8, JAVA_INT).withName("hw_cap"));

    /** {@code struct xen_sysctl_physinfo} from Xen 4.17 (sysctl 0x15) on: arch_capabilities added, 112 bytes. */
    static final StructLayout PHYSINFO_4_17 = structLayout(
            JAVA_INT.withName("threads_per_core"),
            JAVA_INT.withName("cores_per_socket"),
            JAVA_INT.withName("nr_cpus"),
            JAVA_INT.withName("max_cpu_id"),
            JAVA_INT.withName("nr_nodes"),
            JAVA_INT.withName("max_node_id"),
            JAVA_INT.withName("cpu_khz"),
            JAVA_INT.withName("capabilities"),
            JAVA_INT.withName("arch_capabilities"),
            JAVA_INT.withName("pad"),
            JAVA_LONG.withName("total_pages"),
            JAVA_LONG.withName("free_pages"),
            JAVA_LONG.withName("scrub_pages"),
            JAVA_LONG.withName("outstanding_pages"),
            JAVA_LONG.withName("max_mfn"),
            sequenceLayout(8, JAVA_INT).withName("hw_cap"));

    /** {@code struct xen_sysctl_getdomaininfolist}, 24 bytes, unchanged since Xen 3.0.3. */
    static final StructLayout GETDOMAININFOLIST = structLayout(
            JAVA_SHORT.withName("first_domain"),
            paddingLayout(2),
            JAVA_INT.withName("max_domains"),
            JAVA_LONG.withName("buffer"),
            JAVA_INT.withName("num_domains"),
            paddingLayout(4));

    /**
     * Builds {@code struct xen_sysctl} around one release's physinfo, 136 bytes.
     *
     * @param physinfo that release's {@code struct xen_sysctl_physinfo}
     * @return the struct
     */
    static StructLayout sysctl(MemoryLayout physinfo) {
        return structLayout(
                JAVA_INT.withName("cmd"),
                JAVA_INT.withName("interface_version"),
                unionLayout(
                        physinfo.withName("physinfo"),
                        GETDOMAININFOLIST.withName("getdomaininfolist"),
                        sequenceLayout(128, JAVA_BYTE).withName("pad")).withName("u"));
    }
}
