package org.jxen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.jxen.internal.Arguments;

/**
 * Every running domain's vCPUs, read in one pass ({@link Hypervisor#vcpuSnapshot}), and when: the
 * input of a statistics collector. Two snapshots give each domain's and vCPU's CPU use over the
 * interval between them ({@link #usageSince}), the arithmetic xentop does.
 *
 * @param takenAt when the pass started, on {@link System#nanoTime()}'s clock (monotonic; meaningful
 *     only against another of the same JVM); each domain says when its vCPUs were read
 * @param domains the domains in id order; one destroyed during the pass is left out
 */
public record VcpuSnapshot(long takenAt, List<DomainVcpus> domains) {

    private static final double PERCENT = 100.0;

    /** Copies the list. */
    public VcpuSnapshot {
        domains = List.copyOf(Arguments.notNull(domains, "domains"));
    }

    /**
     * Computes the CPU use of every domain of this snapshot since an earlier one: CPU-time delta
     * over wall-time delta (each domain's own, between its two reads), in percent of one physical
     * CPU. A domain is the same when its id and UUID are (an id reused by a new domain is a new
     * domain). A domain new since {@code earlier}, or not read after its read there, has no
     * figures; one gone since is not in the result; a vCPU offline now has no figure (its use up to
     * the moment it went down cannot be told apart from the interval), though the domain's figure
     * counts the CPU time it used.
     *
     * @param earlier a snapshot taken before this one
     * @return one entry per domain of this snapshot, in its order
     * @throws JxenException INVALID_ARG for a null snapshot or one not taken before this one
     */
    public List<DomainUsage> usageSince(VcpuSnapshot earlier) {
        Arguments.notNull(earlier, "earlier");
        if (takenAt - earlier.takenAt <= 0) {
            throw JxenException.invalidArg("the earlier snapshot was taken " + (earlier.takenAt - takenAt)
                    + " ns after this one; it must be taken before");
        }
        Map<Key, DomainVcpus> before = new HashMap<>();
        for (DomainVcpus d : earlier.domains) {
            before.put(key(d.domain()), d);
        }
        List<DomainUsage> usage = new ArrayList<>(domains.size());
        for (DomainVcpus now : domains) {
            DomainVcpus then = before.get(key(now.domain()));
            // A domain read before the earlier snapshot's read of it cannot be measured either.
            long wall = then == null ? 0 : now.readAt() - then.readAt();
            if (wall <= 0) {
                then = null;
            }
            List<VcpuUsage> vcpus = new ArrayList<>(now.vcpus().size());
            for (VcpuSample v : now.vcpus()) {
                boolean measured = then != null && v.state() != VcpuState.OFFLINE && v.number() < then.vcpus().size();
                vcpus.add(new VcpuUsage(v.number(), v.state(),
                        measured ? percent(v.cpuTime() - then.vcpus().get(v.number()).cpuTime(), wall) : OptionalDouble.empty()));
            }
            usage.add(new DomainUsage(now.domain(),
                    then == null ? OptionalDouble.empty() : percent(now.cpuTime() - then.cpuTime(), wall), vcpus));
        }
        return List.copyOf(usage);
    }

    /** Id and UUID only: a domain renamed between two snapshots is still the same domain. */
    private record Key(int id, UUID uuid) {
    }

    private static Key key(DomainIdentity d) {
        return new Key(d.id(), d.uuid());
    }

    /** A CPU time that went backwards is no figure rather than a negative one. */
    private static OptionalDouble percent(long cpuDelta, long wall) {
        return cpuDelta < 0 ? OptionalDouble.empty() : OptionalDouble.of(cpuDelta * PERCENT / wall);
    }
}
