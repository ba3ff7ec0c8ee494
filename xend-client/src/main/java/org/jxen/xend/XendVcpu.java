package org.jxen.xend;

import java.util.List;

/**
 * One {@code (vcpu ...)} entry of an {@code op=vcpuinfo} reply.
 *
 * @param number the vCPU number
 * @param online whether it is online
 * @param blocked whether it is blocked (waiting for an event)
 * @param running whether it is running
 * @param cpuTimeNs its CPU time in nanoseconds (xend sends float seconds)
 * @param cpu the pCPU it runs on (xend sends -1 for a domain that is not running)
 * @param cpumap the pCPUs of its hard affinity, in xend's order
 */
public record XendVcpu(int number, boolean online, boolean blocked, boolean running, long cpuTimeNs, int cpu,
        List<Integer> cpumap) {

    /**
     * Copies the map.
     *
     * @param number the vCPU number
     * @param online whether it is online
     * @param blocked whether it is blocked
     * @param running whether it is running
     * @param cpuTimeNs its CPU time
     * @param cpu the pCPU
     * @param cpumap the affinity
     */
    public XendVcpu {
        cpumap = List.copyOf(cpumap);
    }

    /**
     * Reads one {@code (vcpu (number i) (online 0|1) (blocked 0|1) (running 0|1) (cpu_time s) (cpu c) (cpumap (...)))}.
     *
     * @param sxpr the entry
     * @return the vCPU
     * @throws SexprException if a field is missing, has the wrong form or is out of its range
     *     ({@code number} below 8192, the flags 0 or 1, {@code cpu} -1 or more, {@code cpu_time}
     *     not negative)
     */
    public static XendVcpu from(Sexpr.SList sxpr) {
        return new XendVcpu(
                Fields.requiredInt(sxpr, "number", 0, Fields.MAX_VCPUS - 1),
                Fields.requiredInt(sxpr, "online", 0, 1) != 0,
                Fields.requiredInt(sxpr, "blocked", 0, 1) != 0,
                Fields.requiredInt(sxpr, "running", 0, 1) != 0,
                Fields.nanos(sxpr, "cpu_time").orElseThrow(() -> Fields.missing(sxpr, "cpu_time")),
                Fields.requiredInt(sxpr, "cpu", -1, Integer.MAX_VALUE),
                Fields.cpuList(sxpr.value("cpumap").orElseThrow(() -> Fields.missing(sxpr, "cpumap")), "cpumap"));
    }
}
