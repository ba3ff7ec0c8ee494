package org.jxen.xend;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The reply of {@code op=vcpuinfo}: {@code (domain (domid d) (name n) (vcpu_count c) (vcpu ...) ...)}.
 *
 * @param domid the domain id; absent for a domain that is not running
 * @param name the domain name
 * @param vcpuCount {@code vcpu_count} (the maximum from xend 3.1 on, the online count before)
 * @param vcpus the entries, in xend's order
 */
public record XendVcpus(OptionalInt domid, String name, int vcpuCount, List<XendVcpu> vcpus) {

    /**
     * Checks and copies the fields.
     *
     * @param domid the domain id, if any
     * @param name the domain name
     * @param vcpuCount the count xend reports
     * @param vcpus the entries
     */
    public XendVcpus {
        Objects.requireNonNull(domid, "domid");
        Objects.requireNonNull(name, "name");
        vcpus = List.copyOf(vcpus);
    }

    /**
     * Reads an {@code op=vcpuinfo} reply.
     *
     * @param sxpr the reply
     * @return the vCPUs
     * @throws SexprException if a field is missing, has the wrong form or is out of its range
     *     ({@code vcpu_count} from 0 to 8192, {@code domid} from 0 to 65535)
     */
    public static XendVcpus from(Sexpr.SList sxpr) {
        return new XendVcpus(
                Fields.optionalInt(sxpr, "domid", 0, Fields.MAX_DOMID),
                Fields.requiredString(sxpr, "name"),
                Fields.requiredInt(sxpr, "vcpu_count", 0, Fields.MAX_VCPUS),
                sxpr.children("vcpu").stream().map(XendVcpu::from).toList());
    }
}
