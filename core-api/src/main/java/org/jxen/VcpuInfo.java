package org.jxen;

import org.jxen.internal.Arguments;

/**
 * What a domain's vCPU is doing: libvirt's {@code virVcpuInfo} plus the affinities.
 *
 * @param number the vCPU number, from 0
 * @param state the state
 * @param cpuTime CPU time used, in nanoseconds
 * @param cpu the physical CPU it runs or last ran on; -1 exactly when {@code state} is OFFLINE
 * @param hardAffinity the physical CPUs it may run on
 * @param softAffinity the physical CPUs it prefers (all CPUs when the release has no soft affinity)
 */
public record VcpuInfo(int number, VcpuState state, long cpuTime, int cpu, CpuMap hardAffinity, CpuMap softAffinity) {

    /** Checks the invariants, so that no caller ever sees an offline vCPU with a CPU. */
    public VcpuInfo {
        Arguments.notNull(state, "state");
        Arguments.notNull(hardAffinity, "hardAffinity");
        Arguments.notNull(softAffinity, "softAffinity");
        check(number, state, cpuTime, cpu);
    }

    /** The invariants this and {@link VcpuSample} share. */
    static void check(int number, VcpuState state, long cpuTime, int cpu) {
        if (number < 0) {
            throw JxenException.invalidArg("vCPU number " + number + " is negative");
        }
        if (cpuTime < 0) {
            throw JxenException.invalidArg("cpuTime " + cpuTime + " is negative");
        }
        if ((state == VcpuState.OFFLINE) != (cpu == -1) || cpu < -1) {
            throw JxenException.invalidArg("cpu " + cpu + " does not fit state " + state
                    + ": it is -1 exactly when the vCPU is OFFLINE");
        }
    }
}
