package org.jxen;

import java.util.Optional;
import org.jxen.internal.Arguments;

/**
 * One vCPU as an all-domains read found it ({@link Hypervisor#vcpuSnapshot}): what libvirt's bulk
 * statistics call {@code vcpu.<n>.state} and {@code vcpu.<n>.time}, and the affinities when they
 * were asked for (each costs Xen a domctl, so a collector that polls does without).
 *
 * @param number the vCPU number, from 0
 * @param state the state
 * @param cpuTime CPU time used, in nanoseconds
 * @param cpu the physical CPU it runs or last ran on; -1 exactly when {@code state} is OFFLINE
 * @param hardAffinity the physical CPUs it may run on, when asked for
 * @param softAffinity the physical CPUs it prefers, when asked for
 */
public record VcpuSample(int number, VcpuState state, long cpuTime, int cpu, Optional<CpuMap> hardAffinity,
        Optional<CpuMap> softAffinity) {

    /** Checks the invariants of {@link VcpuInfo}: a number and a time not negative, a CPU exactly when online. */
    public VcpuSample {
        Arguments.notNull(state, "state");
        Arguments.notNull(hardAffinity, "hardAffinity");
        Arguments.notNull(softAffinity, "softAffinity");
        VcpuInfo.check(number, state, cpuTime, cpu);
    }
}
