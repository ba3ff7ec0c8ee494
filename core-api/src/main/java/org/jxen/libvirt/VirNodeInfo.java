package org.jxen.libvirt;

/**
 * libvirt's {@code virNodeInfo} struct, filled by {@link Libvirt#virNodeGetInfo}.
 *
 * <p>Mutable on purpose, as {@link VirVcpuInfo} is: code ported from C declares the struct,
 * passes it and reads the fields back. New code should use {@link org.jxen.Hypervisor#nodeInfo()},
 * which returns an immutable {@link org.jxen.NodeInfo} with Xen's {@code max_cpu_id} as well.
 * Not thread-safe, as the C struct is not.
 */
public final class VirNodeInfo {

    private String model = "";
    private long memory;
    private int cpus;
    private int mhz;
    private int nodes;
    private int sockets;
    private int cores;
    private int threads;

    /** Creates a zeroed struct, as C's {@code virNodeInfo info = {0};}: an empty model and every number 0. */
    public VirNodeInfo() {
    }

    /** Overwrites every field at once, so that a struct never mixes two calls. */
    void fill(String model, long memory, int cpus, int mhz, int nodes, int sockets, int cores, int threads) {
        this.model = model;
        this.memory = memory;
        this.cpus = cpus;
        this.mhz = mhz;
        this.nodes = nodes;
        this.sockets = sockets;
        this.cores = cores;
        this.threads = threads;
    }

    /**
     * Returns the CPU model ({@code model}, C's {@code char[32]}). Xen does not report one, so jxen
     * leaves it empty rather than guess from the JVM's own architecture name.
     *
     * @return the model, empty
     */
    public String model() {
        return model;
    }

    /**
     * Returns the host's memory ({@code memory}).
     *
     * @return KiB
     */
    public long memory() {
        return memory;
    }

    /**
     * Returns the physical CPUs online ({@code cpus}).
     *
     * @return the CPU count
     */
    public int cpus() {
        return cpus;
    }

    /**
     * Returns the CPU frequency ({@code mhz}).
     *
     * @return MHz
     */
    public int mhz() {
        return mhz;
    }

    /**
     * Returns the NUMA nodes ({@code nodes}).
     *
     * @return the node count, 1 for a uniform host
     */
    public int nodes() {
        return nodes;
    }

    /**
     * Returns the CPU sockets per node ({@code sockets}).
     *
     * @return the socket count
     */
    public int sockets() {
        return sockets;
    }

    /**
     * Returns the cores per socket ({@code cores}).
     *
     * @return the core count
     */
    public int cores() {
        return cores;
    }

    /**
     * Returns the threads per core ({@code threads}).
     *
     * @return the thread count
     */
    public int threads() {
        return threads;
    }

    /** Shows the fields as C's debuggers would, by name. */
    @Override
    public String toString() {
        return "virNodeInfo{model=" + model + ", memory=" + memory + ", cpus=" + cpus + ", mhz=" + mhz + ", nodes=" + nodes
                + ", sockets=" + sockets + ", cores=" + cores + ", threads=" + threads + "}";
    }
}
