package org.jxen.xend;

import java.util.Objects;

/**
 * The host fields of {@code GET /xend/node}, {@code (node (nr_cpus 8) ...)}.
 *
 * @param nrCpus {@code nr_cpus}: the host's online CPUs
 * @param nrNodes {@code nr_nodes}: NUMA nodes
 * @param coresPerSocket {@code cores_per_socket}
 * @param threadsPerCore {@code threads_per_core}
 * @param cpuMhz {@code cpu_mhz}
 * @param totalMemoryMiB {@code total_memory}, in MiB
 * @param xenMajor {@code xen_major}
 * @param xenMinor {@code xen_minor}
 * @param xenExtra {@code xen_extra}, e.g. {@code .0}
 * @param xendConfigFormat {@code xend_config_format}: 2 for xend 3.0.3, 3 for 3.0.4, 4 from 3.1;
 *     1 when absent (xend before 3.0.3 did not report it)
 */
public record XendNode(int nrCpus, int nrNodes, int coresPerSocket, int threadsPerCore, int cpuMhz,
        long totalMemoryMiB, int xenMajor, int xenMinor, String xenExtra, int xendConfigFormat) {

    /**
     * Checks the fields.
     *
     * @param nrCpus the online CPUs
     * @param nrNodes the NUMA nodes
     * @param coresPerSocket the cores per socket
     * @param threadsPerCore the threads per core
     * @param cpuMhz the CPU speed
     * @param totalMemoryMiB the memory
     * @param xenMajor the Xen major version
     * @param xenMinor the Xen minor version
     * @param xenExtra the Xen extra version
     * @param xendConfigFormat the xend format version
     */
    public XendNode {
        Objects.requireNonNull(xenExtra, "xenExtra");
    }

    /**
     * Reads a {@code (node ...)} reply.
     *
     * @param sxpr the reply
     * @return the fields
     * @throws SexprException if a field other than {@code xend_config_format} is missing, or a
     *     field has the wrong form or is out of its range ({@code nr_cpus} at least 1, the other
     *     numbers not negative, {@code xend_config_format} at least 1)
     */
    public static XendNode from(Sexpr.SList sxpr) {
        int any = Integer.MAX_VALUE;
        return new XendNode(
                Fields.requiredInt(sxpr, "nr_cpus", 1, any),
                Fields.requiredInt(sxpr, "nr_nodes", 0, any),
                Fields.requiredInt(sxpr, "cores_per_socket", 0, any),
                Fields.requiredInt(sxpr, "threads_per_core", 0, any),
                Fields.requiredInt(sxpr, "cpu_mhz", 0, any),
                Fields.requiredLong(sxpr, "total_memory", 0, Long.MAX_VALUE),
                Fields.requiredInt(sxpr, "xen_major", 0, any),
                Fields.requiredInt(sxpr, "xen_minor", 0, any),
                Fields.requiredString(sxpr, "xen_extra"),
                Fields.optionalInt(sxpr, "xend_config_format", 1, any).orElse(1));
    }
}
