package org.jxen;

import java.util.List;
import java.util.OptionalDouble;
import org.jxen.internal.Arguments;

/**
 * One domain's CPU use over the interval between two snapshots ({@link VcpuSnapshot#usageSince}).
 *
 * @param domain who the domain is
 * @param percent the CPU time all its vCPUs used in the interval over the interval, in percent of
 *     one physical CPU (a domain with two busy vCPUs shows 200, as in xentop); empty for a domain
 *     that is not in the earlier snapshot
 * @param vcpus every vCPU at the later snapshot, in order
 */
public record DomainUsage(DomainIdentity domain, OptionalDouble percent, List<VcpuUsage> vcpus) {

    /** Copies the list and checks that a figure is not negative. */
    public DomainUsage {
        Arguments.notNull(domain, "domain");
        Arguments.notNull(percent, "percent");
        vcpus = List.copyOf(Arguments.notNull(vcpus, "vcpus"));
        if (percent.isPresent() && !(percent.getAsDouble() >= 0)) {
            throw JxenException.invalidArg("domain " + domain.name() + " usage " + percent.getAsDouble()
                    + "% is not 0 or more");
        }
    }
}
