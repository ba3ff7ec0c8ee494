package org.jxen.libvirtjava;

/**
 * libvirt-java's {@code VcpuInfo}: one vCPU as {@link Domain#getVcpusInfo()} found it. The public
 * fields are libvirt-java's, but final: a snapshot, not a struct to fill. The affinities are in
 * {@link Domain#getVcpusCpuMaps()}, or with the soft one in {@link org.jxen.VcpuInfo}.
 */
public final class VcpuInfo {

    /** libvirt-java's {@code VcpuInfo.VcpuState}, in libvirt's {@code virVcpuState} order. */
    public enum VcpuState {
        /** Not online: brought down by the guest, or never brought up. */
        VIR_VCPU_OFFLINE,
        /** Online and running on a physical CPU, or runnable and waiting for one. */
        VIR_VCPU_RUNNING,
        /** Online and blocked, waiting for an event. */
        VIR_VCPU_BLOCKED;

        /** libvirt-java maps libvirt's number to the constant of that ordinal; so does this. */
        static VcpuState of(org.jxen.VcpuState state) {
            return values()[state.number()];
        }
    }

    /** The vCPU number, from 0. */
    public final int number;
    /** The state. */
    public final VcpuState state;
    /** The CPU time the vCPU used, in nanoseconds. */
    public final long cpuTime;
    /** The physical CPU it runs or last ran on; -1 exactly when {@link #state} is {@code VIR_VCPU_OFFLINE}. */
    public final int cpu;

    VcpuInfo(org.jxen.VcpuInfo vcpu) {
        this.number = vcpu.number();
        this.state = VcpuState.of(vcpu.state());
        this.cpuTime = vcpu.cpuTime();
        this.cpu = vcpu.cpu();
    }

    /** Shows the fields by name, as libvirt-java's does. */
    @Override
    public String toString() {
        return "number:" + number + ", cpuTime:" + cpuTime + ", cpu:" + cpu + ", state:" + state;
    }
}
