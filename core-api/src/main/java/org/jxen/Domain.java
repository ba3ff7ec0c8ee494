package org.jxen;

import java.util.List;

/**
 * A running domain of a {@link Hypervisor}, and the three vCPU operations on it. A {@code Domain}
 * is a handle: every call asks the host afresh, so a domain destroyed after lookup fails with
 * {@link ErrorCode#NO_DOMAIN}, never with another domain's data. Handles are immutable and safe to
 * use from many threads; they stop working when their hypervisor is closed.
 */
public interface Domain {

    /**
     * Returns the domain's id, name and UUID as found at lookup.
     *
     * @return the identity
     */
    DomainIdentity identity();

    /**
     * Returns how many vCPUs are online and the most the domain can have.
     *
     * @return the counts
     */
    VcpuCount vcpuCount();

    /**
     * Makes {@code count} vCPUs online (vCPUs 0 to {@code count - 1}) in the running domain. The
     * request is checked against the maximum before anything is sent; the guest brings the vCPUs
     * up or down itself, so the change shows in {@link #vcpus()} once it has.
     *
     * @param count 1 to {@link VcpuCount#maximum()}
     */
    void setVcpus(int count);

    /**
     * Sets the physical CPUs vCPU {@code vcpu} may run on (its hard affinity).
     *
     * @param vcpu 0 to {@code maximum - 1}
     * @param cpus a non-empty map of CPUs that exist on the host
     */
    void pinVcpu(int vcpu, CpuMap cpus);

    /**
     * Sets the physical CPUs vCPU {@code vcpu} prefers (its soft affinity), on releases that have one.
     *
     * @param vcpu 0 to {@code maximum - 1}
     * @param cpus a non-empty map of CPUs that exist on the host
     */
    void pinVcpuSoft(int vcpu, CpuMap cpus);

    /**
     * Reads every vCPU of the domain, online or not, in vCPU order.
     *
     * @return one entry per vCPU, 0 to {@code maximum - 1}
     */
    List<VcpuInfo> vcpus();
}
