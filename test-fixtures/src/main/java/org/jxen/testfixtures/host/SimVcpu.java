package org.jxen.testfixtures.host;

import java.util.BitSet;

/**
 * One vCPU of a simulated domain, with the state Xen keeps for it: online, blocked, CPU time, the
 * pCPU it runs (or last ran) on, and its hard and soft affinity. Thread-safe (the host's lock).
 */
public final class SimVcpu {

    private final SimulatedHost host;
    private final int number;
    private boolean online;
    private boolean blocked;
    private long cpuTimeNs;
    /** Since when {@link #cpuTimeNs} has not counted the running time (the last change of state or load). */
    private long onlineSinceNs;
    /** The share of one pCPU the vCPU uses while online, in percent. */
    private int loadPercent = 100;
    private int pcpu;
    private BitSet hard;
    private BitSet soft;

    SimVcpu(SimulatedHost host, int number) {
        this.host = host;
        this.number = number;
        this.blocked = number % 2 == 1; // a mix of running and blocked vCPUs, for the state mapping
        this.hard = host.allCpus();
        this.soft = host.allCpus();
        this.pcpu = pick(host.onlineCpuSet());
    }

    /**
     * Returns the vCPU number.
     *
     * @return 0 to the domain's maximum - 1
     */
    public int number() {
        return number;
    }

    /**
     * Tells whether the guest has this vCPU up.
     *
     * @return true if online
     */
    public boolean online() {
        synchronized (host.lock()) {
            return online;
        }
    }

    /**
     * Brings the vCPU up or down, as the guest kernel does with VCPUOP_up/down.
     *
     * @param up true to bring it online
     */
    public void setOnline(boolean up) {
        synchronized (host.lock()) {
            if (up == online) {
                return;
            }
            settle();
            online = up;
        }
    }

    /**
     * Tells whether the vCPU is blocked, waiting for an event.
     *
     * @return Xen's {@code blocked} flag (false when offline)
     */
    public boolean blocked() {
        synchronized (host.lock()) {
            return online && blocked;
        }
    }

    /**
     * Makes the vCPU blocked or runnable (it only counts while online).
     *
     * @param value true for blocked
     */
    public void setBlocked(boolean value) {
        synchronized (host.lock()) {
            blocked = value;
        }
    }

    /**
     * Tells whether the vCPU is on a pCPU right now.
     *
     * @return Xen's {@code running} flag: online and not blocked
     */
    public boolean running() {
        synchronized (host.lock()) {
            return online && !blocked;
        }
    }

    /**
     * Returns the CPU time used, which grows with the host's clock while the vCPU is online.
     *
     * @return nanoseconds
     */
    public long cpuTimeNs() {
        synchronized (host.lock()) {
            return online ? cpuTimeNs + ranSince(host.now()) : cpuTimeNs;
        }
    }

    /**
     * Returns the share of one pCPU the vCPU uses while online.
     *
     * @return percent, 100 by default
     */
    public int load() {
        synchronized (host.lock()) {
            return loadPercent;
        }
    }

    /**
     * Makes the vCPU use a share of one pCPU from now on, while online: its CPU time then grows by
     * that share of the host's clock, so that a test knows the utilization it should measure.
     *
     * @param percent 0 (idle) to 100 (busy)
     * @throws IllegalArgumentException outside that range
     */
    public void setLoad(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("load " + percent + "% is out of range 0-100");
        }
        synchronized (host.lock()) {
            settle();
            loadPercent = percent;
        }
    }

    /** Books the time run so far at the current load, so that a change applies from now on. */
    private void settle() {
        long now = host.now();
        if (online) {
            cpuTimeNs += ranSince(now);
        }
        onlineSinceNs = now;
    }

    private long ranSince(long now) {
        return (now - onlineSinceNs) * loadPercent / 100;
    }

    /**
     * Returns the pCPU this vCPU runs on, or last ran on when offline (as Xen's {@code v->processor}).
     *
     * @return the pCPU number
     */
    public int pcpu() {
        synchronized (host.lock()) {
            return pcpu;
        }
    }

    /**
     * Returns the hard affinity as last set, limited to the host's CPUs.
     *
     * @return a copy
     */
    public BitSet hardAffinity() {
        synchronized (host.lock()) {
            return (BitSet) hard.clone();
        }
    }

    /**
     * Returns the soft affinity as last set, limited to the host's CPUs.
     *
     * @return a copy
     */
    public BitSet softAffinity() {
        synchronized (host.lock()) {
            return (BitSet) soft.clone();
        }
    }

    /**
     * Sets the hard affinity as Xen's XEN_DOMCTL_setvcpuaffinity does: bits beyond the host's CPUs
     * are dropped, the map must meet the online pCPUs, and the vCPU moves into it if it must.
     *
     * @param requested the CPUs
     * @return the effective affinity (requested and online), what Xen writes back
     * @throws IllegalArgumentException when it does not meet the online pCPUs (Xen's EINVAL)
     */
    public BitSet setHardAffinity(BitSet requested) {
        synchronized (host.lock()) {
            BitSet map = host.clipToHost(requested);
            BitSet effective = (BitSet) map.clone();
            effective.and(host.onlineCpuSet());
            if (effective.isEmpty()) {
                throw new IllegalArgumentException("affinity " + requested + " does not meet the online pCPUs");
            }
            hard = map;
            if (!effective.get(pcpu)) {
                pcpu = pick(effective);
            }
            return effective;
        }
    }

    /**
     * Sets the soft affinity as Xen does: bits beyond the host's CPUs are dropped; it never fails
     * for lack of an intersection (the scheduler then ignores it).
     *
     * @param requested the CPUs
     * @return the effective soft affinity: requested, hard affinity and online pCPUs intersected
     */
    public BitSet setSoftAffinity(BitSet requested) {
        synchronized (host.lock()) {
            soft = host.clipToHost(requested);
            BitSet effective = (BitSet) soft.clone();
            effective.and(hard);
            effective.and(host.onlineCpuSet());
            return effective;
        }
    }

    /** Spreads vCPUs over a map: vCPU n takes its (n mod size)-th CPU. */
    private int pick(BitSet cpus) {
        int index = number % cpus.cardinality();
        int cpu = cpus.nextSetBit(0);
        for (int i = 0; i < index; i++) {
            cpu = cpus.nextSetBit(cpu + 1);
        }
        return cpu;
    }
}
