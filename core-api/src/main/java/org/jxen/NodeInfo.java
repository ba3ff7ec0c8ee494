package org.jxen;

import org.jxen.internal.Arguments;

/**
 * The host: libvirt's {@code virNodeInfo} plus what Xen's physinfo adds. Cpumaps for this host
 * are {@link #maplen()} bytes long, sized from {@code maxCpuId}, never from a constant.
 *
 * @param cpus the physical CPUs online (physinfo {@code nr_cpus})
 * @param maxCpuId the highest physical CPU number the host can have (physinfo {@code max_cpu_id})
 * @param nodes the NUMA nodes online
 * @param sockets the CPU sockets per node
 * @param cores the cores per socket
 * @param threads the threads per core
 * @param mhz the CPU frequency in MHz
 * @param memoryKiB the host's memory in KiB
 * @param xenVersion the hypervisor's version, e.g. {@code 4.17.0}
 */
public record NodeInfo(int cpus, int maxCpuId, int nodes, int sockets, int cores, int threads, int mhz,
                       long memoryKiB, String xenVersion) {

    /** Checks that the CPU numbers are consistent: {@code 1 <= cpus <= maxCpuId + 1}. */
    public NodeInfo {
        Arguments.notNull(xenVersion, "xenVersion");
        if (cpus < 1 || maxCpuId < cpus - 1 || maxCpuId > CpuMap.MAX_CPU) {
            throw JxenException.invalidArg("host with " + cpus + " CPUs and max_cpu_id " + maxCpuId
                    + " is invalid: cpus must be at least 1 and max_cpu_id at least cpus - 1");
        }
    }

    /**
     * Returns how many CPU numbers the host's maps hold: {@code maxCpuId + 1}.
     *
     * @return the host map's CPU count
     */
    public int hostCpus() {
        return maxCpuId + 1;
    }

    /**
     * Returns the length of this host's cpumaps in bytes: {@code VIR_CPU_MAPLEN(maxCpuId + 1)}.
     *
     * @return the map length
     */
    public int maplen() {
        return CpuMap.maplen(hostCpus());
    }
}
