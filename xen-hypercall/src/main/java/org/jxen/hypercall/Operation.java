package org.jxen.hypercall;

/**
 * What jxen asks of the hypervisor or of the privcmd driver: each hypercall sub-operation with its
 * hypercall number and sub-op number (Xen's public headers, identical in Xen 4.16 to 4.22), and the
 * two device operations that can fail before any hypercall.
 */
public enum Operation {
    /** Opening /dev/xen/privcmd (or /proc/xen/privcmd) or /dev/xen/hypercall. */
    OPEN_DEVICE("open privcmd", -1, -1),
    /** Mapping hypercall-safe memory. */
    MAP_BUFFER("mmap hypercall buffer", -1, -1),
    /** xen_version XENVER_version: returns (major &lt;&lt; 16) | minor. */
    XENVER_VERSION("xen_version XENVER_version", 17, 0),
    /** xen_version XENVER_extraversion: fills a char[16]. */
    XENVER_EXTRAVERSION("xen_version XENVER_extraversion", 17, 1),
    /** sysctl XEN_SYSCTL_physinfo. */
    SYSCTL_PHYSINFO("sysctl physinfo", 35, 3),
    /** sysctl XEN_SYSCTL_getdomaininfolist. */
    SYSCTL_GETDOMAININFOLIST("sysctl getdomaininfolist", 35, 6),
    /** domctl XEN_DOMCTL_getdomaininfo. */
    DOMCTL_GETDOMAININFO("domctl getdomaininfo", 36, 5),
    /** domctl XEN_DOMCTL_setvcpuaffinity. */
    DOMCTL_SETVCPUAFFINITY("domctl setvcpuaffinity", 36, 9),
    /** domctl XEN_DOMCTL_getvcpuinfo. */
    DOMCTL_GETVCPUINFO("domctl getvcpuinfo", 36, 14),
    /** domctl XEN_DOMCTL_max_vcpus. */
    DOMCTL_MAX_VCPUS("domctl max_vcpus", 36, 15),
    /** domctl XEN_DOMCTL_getvcpuaffinity. */
    DOMCTL_GETVCPUAFFINITY("domctl getvcpuaffinity", 36, 25);

    /** values() clones its array on every call; the fake device decodes with this one. */
    private static final Operation[] ALL = values();

    private final String label;
    private final int hypercall;
    private final int subop;

    Operation(String label, int hypercall, int subop) {
        this.label = label;
        this.hypercall = hypercall;
        this.subop = subop;
    }

    /**
     * Returns the name used in messages, e.g. "domctl getvcpuinfo".
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Returns the hypercall number (xen_version 17, sysctl 35, domctl 36).
     *
     * @return the number, or -1 for the device operations
     */
    public int hypercall() {
        return hypercall;
    }

    /**
     * Returns the sub-operation: the XENVER_* command or the sysctl/domctl {@code cmd}.
     *
     * @return the number, or -1 for the device operations
     */
    public int subop() {
        return subop;
    }

    /**
     * Finds the operation a hypercall number and sub-op denote: the decoding side of the device
     * seam, for a device that answers hypercalls itself (the fake privcmd); jxen's own calls know
     * their operation.
     *
     * @param hypercall the hypercall number
     * @param subop the sub-operation
     * @return the operation, or null when jxen does not use that one
     */
    public static Operation of(long hypercall, long subop) {
        for (Operation op : ALL) {
            if (op.hypercall >= 0 && op.hypercall == hypercall && op.subop == subop) {
                return op;
            }
        }
        return null;
    }
}
