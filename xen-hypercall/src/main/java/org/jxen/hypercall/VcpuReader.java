package org.jxen.hypercall;

/**
 * Receives the vCPUs {@link XenHypercalls#vcpus} reads, one call a vCPU, as plain values so that
 * reading a domain allocates nothing per vCPU.
 */
@FunctionalInterface
public interface VcpuReader {

    /**
     * Takes one vCPU.
     *
     * @param vcpu the vCPU number
     * @param online getvcpuinfo's {@code online}
     * @param blocked getvcpuinfo's {@code blocked}
     * @param cpuTimeNs getvcpuinfo's {@code cpu_time}, in nanoseconds
     * @param cpu getvcpuinfo's {@code cpu}: the pCPU it runs or last ran on
     * @param hard the hard affinity in Xen's bytes, {@link XenHypercalls#cpumapBytes()} long, or
     *     null when affinity was not asked for; the array is reused for the next vCPU, so copy what
     *     must outlive this call
     * @param soft the soft affinity, likewise
     */
    void vcpu(int vcpu, boolean online, boolean blocked, long cpuTimeNs, int cpu, byte[] hard, byte[] soft);
}
