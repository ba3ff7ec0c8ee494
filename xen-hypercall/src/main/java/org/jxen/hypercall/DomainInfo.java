package org.jxen.hypercall;

import java.util.UUID;

/**
 * One domain, from XEN_DOMCTL_getdomaininfo or XEN_SYSCTL_getdomaininfolist.
 *
 * @param domain the domain id
 * @param flags XEN_DOMINF_* bits
 * @param totPages pages allocated
 * @param maxPages page limit
 * @param cpuTimeNs CPU time of all vCPUs, in nanoseconds
 * @param nrOnlineVcpus vCPUs online
 * @param maxVcpuId the highest vCPU id (the domain has maxVcpuId + 1 vCPUs)
 * @param handle the domain handle: its UUID, the 16 handle bytes read in order
 * @param cpupool the cpupool id
 */
public record DomainInfo(int domain, int flags, long totPages, long maxPages, long cpuTimeNs, int nrOnlineVcpus,
        int maxVcpuId, UUID handle, int cpupool) {

    private static final int DYING = 1;
    private static final int HVM_GUEST = 1 << 1;
    private static final int SHUTDOWN = 1 << 2;
    private static final int PAUSED = 1 << 3;
    private static final int BLOCKED = 1 << 4;
    private static final int RUNNING = 1 << 5;

    /**
     * Tells whether the domain is being destroyed.
     *
     * @return XEN_DOMINF_dying
     */
    public boolean dying() {
        return (flags & DYING) != 0;
    }

    /**
     * Tells whether the domain is an HVM guest.
     *
     * @return XEN_DOMINF_hvm_guest
     */
    public boolean hvm() {
        return (flags & HVM_GUEST) != 0;
    }

    /**
     * Tells whether the domain has shut down.
     *
     * @return XEN_DOMINF_shutdown
     */
    public boolean shutdown() {
        return (flags & SHUTDOWN) != 0;
    }

    /**
     * Tells whether the domain is paused by the toolstack.
     *
     * @return XEN_DOMINF_paused
     */
    public boolean paused() {
        return (flags & PAUSED) != 0;
    }

    /**
     * Tells whether all online vCPUs are blocked.
     *
     * @return XEN_DOMINF_blocked
     */
    public boolean blocked() {
        return (flags & BLOCKED) != 0;
    }

    /**
     * Tells whether any vCPU is running.
     *
     * @return XEN_DOMINF_running
     */
    public boolean running() {
        return (flags & RUNNING) != 0;
    }
}
