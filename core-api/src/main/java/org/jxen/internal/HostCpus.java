package org.jxen.internal;

import org.jxen.Hypervisor;

/**
 * How many CPU numbers a host's maps hold (physinfo's {@code max_cpu_id + 1}), read on first use
 * and kept: Xen fixes it at boot, so a pin or a read of maps on the same connection need not ask
 * again. Thread-safe: callers racing the first read each read it and agree. Not exported.
 */
public final class HostCpus {

    private final Hypervisor hypervisor;
    private volatile int value;

    /**
     * Reads from a host when first asked.
     *
     * @param hypervisor the connection
     */
    public HostCpus(Hypervisor hypervisor) {
        this.hypervisor = hypervisor;
    }

    /**
     * Tells the host's CPU numbers.
     *
     * @return {@code NodeInfo.hostCpus()}, read once
     */
    public int get() {
        int n = value;
        if (n == 0) {
            n = hypervisor.nodeInfo().hostCpus();
            value = n;
        }
        return n;
    }
}
