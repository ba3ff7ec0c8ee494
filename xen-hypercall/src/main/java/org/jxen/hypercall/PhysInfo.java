package org.jxen.hypercall;

/**
 * The host, from XEN_SYSCTL_physinfo.
 *
 * @param threadsPerCore hardware threads per core
 * @param coresPerSocket cores per socket
 * @param nrCpus online physical CPUs
 * @param maxCpuId the highest physical CPU id the hypervisor can have; cpumaps cover 0 to this
 * @param nrNodes online NUMA nodes
 * @param maxNodeId the highest NUMA node id
 * @param cpuKhz CPU frequency
 * @param capabilities XEN_SYSCTL_PHYSCAP_* bits
 * @param totalPages pages of memory
 * @param freePages free pages
 */
public record PhysInfo(int threadsPerCore, int coresPerSocket, int nrCpus, int maxCpuId, int nrNodes,
        int maxNodeId, int cpuKhz, int capabilities, long totalPages, long freePages) {

    /**
     * Returns the size of this host's cpumaps, as libxc's xc_get_cpumap_size computes it.
     *
     * @return (maxCpuId + 1 + 7) / 8 bytes
     */
    public int cpumapBytes() {
        return (int) (((long) maxCpuId + 8) / 8);
    }
}
