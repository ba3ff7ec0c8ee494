package org.jxen.xend;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The vCPU-related fields of a domain S-expression, {@code GET /xend/domain/<dom>}.
 *
 * @param domid the domain id; absent for an inactive managed domain (or xend's {@code None})
 * @param name the name
 * @param uuid the UUID (xend sends it dashed 8-4-4-4-12, as xend 3.0.0 did 8-8-8-8, or as libvirt's tests 32 hex digits)
 * @param maxVcpus {@code vcpus}: the maximum number of vCPUs
 * @param vcpuAvail {@code vcpu_avail}: bit i set when vCPU i is requested online; when xend sent
 *     none, xend's own default, all of the {@code maxVcpus} bits
 * @param onlineVcpus {@code online_vcpus}: how many are online in Xen, if reported
 * @param cpuTimeNs {@code cpu_time}: the domain's CPU time in nanoseconds, if reported
 * @param cpus {@code cpus} (xend 4.x): per vCPU, the pCPUs it may run on, an empty list meaning no
 *     restriction; empty when not reported in that per-vCPU list form
 * @param state {@code state}: six characters from {@code rbpscd} or {@code -}, if reported
 */
public record XendDomain(
        OptionalInt domid,
        String name,
        UUID uuid,
        int maxVcpus,
        BigInteger vcpuAvail,
        OptionalInt onlineVcpus,
        OptionalLong cpuTimeNs,
        List<List<Integer>> cpus,
        Optional<String> state) {

    /**
     * Checks and copies the fields.
     *
     * @param domid the domain id, if any
     * @param name the name
     * @param uuid the UUID
     * @param maxVcpus the maximum number of vCPUs
     * @param vcpuAvail the requested-online bitmask
     * @param onlineVcpus the online count, if reported
     * @param cpuTimeNs the CPU time, if reported
     * @param cpus the per-vCPU affinity lists
     * @param state the state, if reported
     */
    public XendDomain {
        Objects.requireNonNull(domid, "domid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(vcpuAvail, "vcpuAvail");
        Objects.requireNonNull(onlineVcpus, "onlineVcpus");
        Objects.requireNonNull(cpuTimeNs, "cpuTimeNs");
        Objects.requireNonNull(state, "state");
        cpus = cpus.stream().map(List::copyOf).toList();
    }

    /**
     * Reads the fields from a domain S-expression: {@code (domain ...)} as xend sends it, or a
     * {@code (vm ...)} configuration, which has the same fields. Every number is checked before
     * use: {@code vcpus} from 1 to 8192 (the most Xen gives a domain), {@code vcpu_avail} with no
     * bit at or above {@code vcpus}, {@code online_vcpus} from 0 to {@code vcpus}, at most
     * {@code vcpus} {@code cpus} entries, {@code domid} from 0 to 65535, {@code cpu_time} not
     * negative.
     *
     * @param sxpr the S-expression
     * @return the fields
     * @throws SexprException if {@code name}, {@code uuid} or {@code vcpus} is missing or a field
     *     has the wrong form or is out of its range
     */
    public static XendDomain from(Sexpr.SList sxpr) {
        int max = Fields.requiredInt(sxpr, "vcpus", 1, Fields.MAX_VCPUS);
        List<List<Integer>> cpus = sxpr.value("cpus")
                .filter(Sexpr.SList.class::isInstance)
                .map(v -> ((Sexpr.SList) v).items().stream().map(c -> Fields.cpuList(c, "cpus")).toList())
                .orElse(List.of());
        if (cpus.size() > max) {
            throw new SexprException("field cpus: " + cpus.size() + " entries for " + max + " vCPUs");
        }
        return new XendDomain(
                Fields.optionalInt(sxpr, "domid", 0, Fields.MAX_DOMID),
                Fields.requiredString(sxpr, "name"),
                Fields.uuid(Fields.requiredString(sxpr, "uuid")),
                max,
                // xend's own default when absent: every vCPU requested online
                sxpr.bitmaskValue("vcpu_avail", max).orElseGet(() -> BigInteger.ONE.shiftLeft(max).subtract(BigInteger.ONE)),
                Fields.optionalInt(sxpr, "online_vcpus", 0, max),
                Fields.nanos(sxpr, "cpu_time"),
                cpus,
                sxpr.string("state"));
    }
}
