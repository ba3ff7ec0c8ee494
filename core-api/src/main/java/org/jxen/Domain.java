package org.jxen;

import java.util.List;

/**
 * A running domain of a {@link Hypervisor}, and the three vCPU operations on it. A {@code Domain}
 * is a handle: every call asks the host afresh, so a domain destroyed after lookup fails with
 * {@link ErrorCode#NO_DOMAIN}, never with another domain's data. Handles are immutable and safe to
 * use from many threads; they stop working when their hypervisor is closed. Two handles are equal
 * when they come from the same connection and name the same domain (id, name and UUID).
 *
 * <p>Every method throws only {@link JxenException}: INVALID_ARG for a bad argument (checked in
 * full before anything is sent, so the host is unchanged), NO_DOMAIN once the domain is gone,
 * OPERATION_INVALID after the connection is closed, NO_SUPPORT when no backend can do it, and
 * Xen's own answer otherwise (OPERATION_DENIED, OPERATION_FAILED).
 */
public interface Domain {

    /**
     * Returns the domain's id, name and UUID as found at lookup; asks the host nothing.
     *
     * @return the identity
     */
    DomainIdentity identity();

    /**
     * Returns how many vCPUs are online and the most the domain can have.
     *
     * @return the counts
     * @throws JxenException NO_DOMAIN, OPERATION_INVALID, NO_SUPPORT or Xen's answer, as above
     */
    VcpuCount vcpuCount();

    /**
     * Makes {@code count} vCPUs online (vCPUs 0 to {@code count - 1}) in the running domain. The
     * request is checked against the maximum before anything is sent; the guest brings the vCPUs
     * up or down itself, so the change shows in {@link #vcpus()} once it has.
     *
     * @param count 1 to {@link VcpuCount#maximum()}
     * @throws JxenException INVALID_ARG naming the count and the range; NO_DOMAIN,
     *     OPERATION_INVALID, NO_SUPPORT or Xen's answer, as above
     */
    void setVcpus(int count);

    /**
     * Sets the physical CPUs vCPU {@code vcpu} may run on (its hard affinity).
     *
     * @param vcpu 0 to {@code maximum - 1}
     * @param cpus a non-empty map of CPUs that exist on the host
     * @throws JxenException INVALID_ARG for a vCPU out of range, a null or empty map, or a CPU
     *     the host does not have (each named with the range); NO_DOMAIN, OPERATION_INVALID,
     *     NO_SUPPORT or Xen's answer, as above
     */
    void pinVcpu(int vcpu, CpuMap cpus);

    /**
     * Sets the physical CPUs vCPU {@code vcpu} prefers (its soft affinity), on releases that have one.
     *
     * @param vcpu 0 to {@code maximum - 1}
     * @param cpus a non-empty map of CPUs that exist on the host
     * @throws JxenException as {@link #pinVcpu}; NO_SUPPORT through xend, which has no soft affinity
     */
    void pinVcpuSoft(int vcpu, CpuMap cpus);

    /**
     * Reads every vCPU of the domain, online or not, in vCPU order.
     *
     * @return one entry per vCPU, 0 to {@code maximum - 1}
     * @throws JxenException NO_DOMAIN, OPERATION_INVALID, NO_SUPPORT or Xen's answer, as above
     */
    List<VcpuInfo> vcpus();
}
