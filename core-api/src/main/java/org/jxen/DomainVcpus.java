package org.jxen;

import java.util.List;
import org.jxen.internal.Arguments;

/**
 * One domain's vCPUs in an all-domains read: libvirt's {@code vcpu.current}, {@code vcpu.maximum}
 * and the per-vCPU fields.
 *
 * @param domain who the domain is
 * @param readAt when its vCPUs were read, on {@link System#nanoTime()}'s clock: each domain has its
 *     own instant, so that its utilization is measured over its own interval however long the
 *     pass over the others took
 * @param vcpus every vCPU, 0 to the maximum - 1, in order
 */
public record DomainVcpus(DomainIdentity domain, long readAt, List<VcpuSample> vcpus) {

    /** Copies the list and checks that it holds vCPUs 0 to n - 1 in order, at least one. */
    public DomainVcpus {
        Arguments.notNull(domain, "domain");
        vcpus = List.copyOf(Arguments.notNull(vcpus, "vcpus"));
        if (vcpus.isEmpty()) {
            throw JxenException.invalidArg("domain " + domain.name() + " has no vCPU; a domain has at least one");
        }
        for (int i = 0; i < vcpus.size(); i++) {
            if (vcpus.get(i).number() != i) {
                throw JxenException.invalidArg("vCPU " + vcpus.get(i).number() + " of domain " + domain.name()
                        + " is at position " + i + "; the vCPUs must be 0 to " + (vcpus.size() - 1) + " in order");
            }
        }
    }

    /**
     * Counts the vCPUs online: libvirt's {@code vcpu.current}.
     *
     * @return the vCPUs not OFFLINE
     */
    public int current() {
        return (int) vcpus.stream().filter(v -> v.state() != VcpuState.OFFLINE).count();
    }

    /**
     * Returns how many vCPUs the domain has: libvirt's {@code vcpu.maximum}.
     *
     * @return the number of vCPUs
     */
    public int maximum() {
        return vcpus.size();
    }

    /**
     * Sums the vCPUs' CPU time, which is the domain's (Xen's getdomaininfo {@code cpu_time} is that sum).
     *
     * @return nanoseconds
     */
    public long cpuTime() {
        return vcpus.stream().mapToLong(VcpuSample::cpuTime).sum();
    }
}
