package org.jxen.libvirtjava;

/**
 * libvirt-java's {@code NodeInfo}: the host's CPUs, memory and topology, from jxen's
 * {@link org.jxen.NodeInfo}. The public fields are libvirt-java's, but final.
 *
 * <p>Two CPU counts matter on Xen and may differ: {@link #maxCpus()} is libvirt's topology
 * product, while {@link #hostCpus()} is how many CPU numbers Xen's maps hold
 * ({@code max_cpu_id + 1}, counting CPUs not online). Size cpumaps from {@link #hostCpus()}, so
 * that every CPU the host has can be pinned and read back.
 */
public final class NodeInfo {

    /** The CPU model; empty, as Xen does not report one. */
    public final String model;
    /** The host's memory in KiB. */
    public final long memory;
    /** The physical CPUs online. */
    public final int cpus;
    /** The CPU frequency in MHz. */
    public final int mhz;
    /** The NUMA nodes, 1 for a uniform host. */
    public final int nodes;
    /** The CPU sockets per node. */
    public final int sockets;
    /** The cores per socket. */
    public final int cores;
    /** The threads per core. */
    public final int threads;

    private final int hostCpus;

    NodeInfo(org.jxen.NodeInfo node) {
        this.model = "";
        this.memory = node.memoryKiB();
        this.cpus = node.cpus();
        this.mhz = node.mhz();
        this.nodes = node.nodes();
        this.sockets = node.sockets();
        this.cores = node.cores();
        this.threads = node.threads();
        this.hostCpus = node.hostCpus();
    }

    /**
     * libvirt-java's {@code maxCpus()}: the CPUs the topology adds up to,
     * {@code nodes * sockets * cores * threads}. On Xen this can be below {@link #hostCpus()};
     * a map sized from it is accepted but cannot name the CPUs past it.
     *
     * @return the CPU count
     */
    public int maxCpus() {
        return nodes * sockets * cores * threads;
    }

    /**
     * Returns how many CPU numbers the host's cpumaps hold: Xen's {@code max_cpu_id + 1} (not in
     * libvirt-java). {@code domain.cpuMapLength(nodeInfo.hostCpus())} is the host's map length.
     *
     * @return the host map's CPU count
     */
    public int hostCpus() {
        return hostCpus;
    }

    /** Shows the fields by name, as libvirt-java's does. */
    @Override
    public String toString() {
        return "model:" + model + ", memory:" + memory + ", cpus:" + cpus + ", mhz:" + mhz + ", nodes:" + nodes
                + ", sockets:" + sockets + ", cores:" + cores + ", threads:" + threads + ", hostCpus:" + hostCpus;
    }
}
