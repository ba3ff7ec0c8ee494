package org.jxen.xen;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jxen.Backend;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.DomainIdentity;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.VcpuCount;
import org.jxen.VcpuInfo;
import org.jxen.hypercall.Affinity;
import org.jxen.internal.Arguments;
import org.jxen.xen.FallbackPolicy.Attempt;

/**
 * A domain handle of the Xen driver: the three vCPU operations, each checked in full before
 * anything is sent, then run through the backends in the order DESIGN.md gives.
 */
final class XenDomain implements Domain {

    private static final System.Logger LOG = System.getLogger(XenDomain.class.getName());

    private final XenHypervisor host;
    private final Target target;

    XenDomain(XenHypervisor host, DomainIdentity identity) {
        this.host = host;
        this.target = new Target(identity);
    }

    @Override
    public DomainIdentity identity() {
        return target.identity();
    }

    @Override
    public VcpuCount vcpuCount() {
        return host.run("read the vCPU count of " + target,
                new Attempt<>(Backend.HYPERCALL, () -> host.hypercall().vcpuCount(target)),
                new Attempt<>(Backend.XEND, () -> host.xend().vcpuCount(target)));
    }

    @Override
    public void setVcpus(int count) {
        if (host.isClosed()) {
            throw host.closedError("set the vCPUs of " + target + " to " + count);
        }
        ReentrantLock lock = host.countLock(target);
        lock.lock();
        try {
            int maximum = vcpuCount().maximum();
            if (count < 1 || count > maximum) {
                throw new JxenException(ErrorCode.INVALID_ARG,
                        "vCPU count " + count + " out of range 1-" + maximum + " for " + target);
            }
            host.run("set the vCPUs of " + target + " to " + count,
                    new Attempt<>(Backend.XENSTORE, () -> {
                        host.xenstore().setVcpus(target, count, maximum);
                        return null;
                    }),
                    new Attempt<>(Backend.XEND, () -> {
                        host.xend().setVcpus(target, count);
                        return null;
                    }));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void pinVcpu(int vcpu, CpuMap cpus) {
        pin(vcpu, cpus, Affinity.HARD);
    }

    @Override
    public void pinVcpuSoft(int vcpu, CpuMap cpus) {
        pin(vcpu, cpus, Affinity.SOFT);
    }

    private void pin(int vcpu, CpuMap cpus, Affinity which) {
        Arguments.notNull(cpus, "cpus");
        if (host.isClosed()) {
            throw host.closedError("pin vCPU " + vcpu + " of " + target); // the name is built only when needed
        }
        // Also checks that the handle's domain still exists under its UUID.
        int maximum = vcpuCount().maximum();
        if (vcpu < 0 || vcpu >= maximum) {
            throw new JxenException(ErrorCode.INVALID_ARG,
                    "vCPU " + vcpu + " out of range 0-" + (maximum - 1) + " for " + target);
        }
        int hostCpus = host.hostCpus();
        if (cpus.isEmpty()) {
            throw new JxenException(ErrorCode.INVALID_ARG, "the CPU map for vCPU " + vcpu + " of " + target
                    + " is empty; choose CPUs in 0-" + (hostCpus - 1));
        }
        // Xen ignores bits past its CPUs, so a pin there would be silently narrowed: refuse it.
        cpus.checkWithin(hostCpus);
        String operation = "pin vCPU " + vcpu + " of " + target + " to CPUs " + cpus
                + (which == Affinity.SOFT ? " (soft affinity)" : "");
        host.run(operation,
                new Attempt<>(Backend.HYPERCALL, () -> {
                    CpuMap effective = host.hypercall().pin(target, vcpu, which, cpus);
                    // Xen keeps the request but runs the vCPU on the online CPUs of it only. Every
                    // CPU the host can have means "anywhere" (xl's "all"): nothing to warn about.
                    if (!effective.equals(cpus) && !cpus.equals(CpuMap.all(hostCpus))) {
                        String why = which == Affinity.SOFT ? "offline or outside the hard affinity" : "offline";
                        // Only a soft pin can end with none: Xen refuses a hard pin to offline CPUs only.
                        if (effective.isEmpty()) {
                            LOG.log(Level.WARNING, "{0}: Xen uses none of them (they are {1})", operation, why);
                        } else {
                            LOG.log(Level.WARNING, "{0}: Xen uses CPUs {1} of the requested {2} (the others are {3})",
                                    operation, effective, cpus, why);
                        }
                    }
                    return null;
                }),
                new Attempt<>(Backend.XEND, () -> {
                    if (which == Affinity.SOFT) {
                        throw new JxenException(ErrorCode.NO_SUPPORT, "xend has no soft affinity", Backend.XEND, null, null);
                    }
                    host.xend().pin(target, vcpu, cpus);
                    return null;
                }));
    }

    @Override
    public List<VcpuInfo> vcpus() {
        return host.run("read the vCPUs of " + target,
                new Attempt<>(Backend.HYPERCALL, () -> host.hypercall().vcpus(target)),
                new Attempt<>(Backend.XEND, () -> host.xend().vcpus(target, host.hostCpus())));
    }

    /** Same connection, same domain: two lookups of one domain are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof XenDomain other && other.host == host && other.target.equals(target);
    }

    @Override
    public int hashCode() {
        return target.hashCode();
    }

    @Override
    public String toString() {
        return target + " (id " + target.id() + ", " + target.uuid() + ")";
    }
}
