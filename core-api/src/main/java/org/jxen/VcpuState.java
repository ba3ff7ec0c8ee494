package org.jxen;

/**
 * The state of a vCPU, with libvirt's {@code virVcpuState} numbers. libvirt's drivers disagreed on
 * how Xen's flags map here; jxen's rule is {@link #of(boolean, boolean)}.
 */
public enum VcpuState {
    /** Not online: brought down by the guest, or never brought up. */
    OFFLINE(0),
    /** Online and running on a physical CPU, or runnable and waiting for one. */
    RUNNING(1),
    /** Online and blocked, waiting for an event. */
    BLOCKED(2);

    private final int number;

    VcpuState(int number) {
        this.number = number;
    }

    /**
     * Maps Xen's vCPU flags (getvcpuinfo, or xend's vcpuinfo) to a state: OFFLINE when not online,
     * BLOCKED when online and blocked, RUNNING otherwise. Xen's {@code running} flag does not
     * matter: a runnable vCPU waiting for a pCPU is RUNNING, never OFFLINE.
     *
     * @param online Xen's {@code online} flag
     * @param blocked Xen's {@code blocked} flag
     * @return the state
     */
    public static VcpuState of(boolean online, boolean blocked) {
        if (!online) {
            return OFFLINE;
        }
        return blocked ? BLOCKED : RUNNING;
    }

    /**
     * Returns libvirt's number for this state.
     *
     * @return the {@code virVcpuState} value
     */
    public int number() {
        return number;
    }
}
