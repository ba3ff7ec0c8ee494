package org.jxen.libvirt;

/**
 * libvirt's {@code virVcpuInfo} struct, filled by {@link Libvirt#virDomainGetVcpus}.
 *
 * <p>Unlike jxen's own value types this class is mutable, on purpose: code ported from C allocates
 * an array of these, passes it with {@code maxinfo}, and reads back the entries the call filled,
 * so the call must be able to write into objects the caller owns. New code should use
 * {@link org.jxen.Domain#vcpus()}, which returns immutable {@link org.jxen.VcpuInfo} records.
 * Not thread-safe, as the C struct is not.
 */
public final class VirVcpuInfo {

    private int number;
    private int state;
    private long cpuTime;
    private int cpu;

    /** Creates a zeroed entry, as {@code calloc} would: vCPU 0, {@link Libvirt#VIR_VCPU_OFFLINE}, no time, CPU 0. */
    public VirVcpuInfo() {
    }

    /** Overwrites every field at once, so that an entry is never half from one call and half from another. */
    void fill(int number, int state, long cpuTime, int cpu) {
        this.number = number;
        this.state = state;
        this.cpuTime = cpuTime;
        this.cpu = cpu;
    }

    /**
     * Returns the vCPU number ({@code number}).
     *
     * @return the vCPU number, from 0
     */
    public int number() {
        return number;
    }

    /**
     * Returns the state as libvirt's {@code virVcpuState} number ({@code state}).
     *
     * @return {@link Libvirt#VIR_VCPU_OFFLINE}, {@link Libvirt#VIR_VCPU_RUNNING} or {@link Libvirt#VIR_VCPU_BLOCKED}
     */
    public int state() {
        return state;
    }

    /**
     * Returns the CPU time the vCPU used ({@code cpuTime}).
     *
     * @return nanoseconds
     */
    public long cpuTime() {
        return cpuTime;
    }

    /**
     * Returns the physical CPU the vCPU runs or last ran on ({@code cpu}).
     *
     * @return the CPU number, or -1 when the vCPU is offline
     */
    public int cpu() {
        return cpu;
    }

    /** Shows the fields as C's debuggers would, by name. */
    @Override
    public String toString() {
        return "virVcpuInfo{number=" + number + ", state=" + state + ", cpuTime=" + cpuTime + ", cpu=" + cpu + "}";
    }
}
