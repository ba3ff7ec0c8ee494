package org.jxen.xen;

import org.jxen.Backend;
import org.jxen.CpuMap;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.NodeInfo;

/**
 * The host as a backend reported it (physinfo, or xend's node), before it is trusted: the one place
 * where the topology arithmetic is done and where the peer's numbers are bounded. A value no Xen
 * could report is the peer's fault, OPERATION_FAILED naming the backend and the field, never the
 * caller's INVALID_ARG.
 *
 * @param from the backend that reported it
 * @param nrCpus physinfo {@code nr_cpus}: CPUs online
 * @param maxCpuId physinfo {@code max_cpu_id}
 * @param nrNodes {@code nr_nodes}; 0 is read as 1 (unknown)
 * @param coresPerSocket {@code cores_per_socket}; 0 is read as 1
 * @param threadsPerCore {@code threads_per_core}; 0 is read as 1
 * @param mhz the CPU frequency in MHz
 * @param memoryKiB the memory in KiB
 * @param xenVersion the hypervisor's version text
 */
record HostReport(Backend from, long nrCpus, long maxCpuId, long nrNodes, long coresPerSocket, long threadsPerCore,
                  long mhz, long memoryKiB, String xenVersion) {

    /** Checks every field and derives the sockets per node as libxl does (CPUs / nodes / cores / threads). */
    NodeInfo toNodeInfo() {
        int cpus = (int) within("nr_cpus", nrCpus, 1, CpuMap.MAX_CPU + 1L);
        int maxCpu = (int) within("max_cpu_id", maxCpuId, cpus - 1L, CpuMap.MAX_CPU);
        int nodes = (int) Math.max(1, within("nr_nodes", nrNodes, 0, cpus));
        int cores = (int) Math.max(1, within("cores_per_socket", coresPerSocket, 0, cpus));
        int threads = (int) Math.max(1, within("threads_per_core", threadsPerCore, 0, cpus));
        // Each factor is at most cpus (< 2^31), so the product of three fits in a long only after a
        // check: stop as soon as it passes the CPU count (then there is one socket).
        long perSocket = (long) nodes * cores;
        perSocket = perSocket > cpus ? perSocket : perSocket * threads;
        int sockets = (int) Math.max(1, cpus / perSocket);
        return new NodeInfo(cpus, maxCpu, nodes, sockets, cores, threads,
                (int) within("cpu_mhz", mhz, 0, Integer.MAX_VALUE), within("total_memory", memoryKiB, 0, Long.MAX_VALUE),
                xenVersion);
    }

    /**
     * Converts a memory size to KiB, or -1 (which {@link #toNodeInfo()} refuses) when the peer's
     * number is negative or too large to convert.
     */
    static long kib(long units, int kibPerUnit) {
        return units < 0 || units > Long.MAX_VALUE / kibPerUnit ? -1 : units * kibPerUnit;
    }

    private long within(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new JxenException(ErrorCode.OPERATION_FAILED, from.name().toLowerCase() + " reported " + field + " "
                    + value + ", which no Xen host has (expected " + min + "-" + max + ")", from, field, null);
        }
        return value;
    }
}
