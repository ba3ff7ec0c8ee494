package org.jxen.hypercall;

/**
 * One vCPU, from XEN_DOMCTL_getvcpuinfo.
 *
 * @param vcpu the vCPU number
 * @param online the guest has it up
 * @param blocked it waits for an event
 * @param running it is on a physical CPU now
 * @param cpuTimeNs time spent running, in nanoseconds
 * @param cpu the physical CPU it runs on, or last ran on when offline
 */
public record VcpuInfo(int vcpu, boolean online, boolean blocked, boolean running, long cpuTimeNs, int cpu) {
}
