package org.jxen.testing;

import java.time.Duration;
import java.util.BitSet;
import java.util.UUID;
import org.jxen.CpuMap;
import org.jxen.VcpuState;
import org.jxen.testfixtures.host.SimDomain;
import org.jxen.testfixtures.host.SimVcpu;

/**
 * A domain of a {@link SimulatedXen} seen from the host's side: what Xen holds for it, read without
 * going through jxen (so a test can check what the code under test really did), and the guest
 * kernel's behaviour, which a test can change while that code runs.
 *
 * <p>The handle stays bound to this domain: after the domain is destroyed {@link #running()} is
 * false and the reads return its last state; a new domain of the same name is another guest.
 * Thread-safe: every read and change takes the host's lock, so it is atomic with respect to the
 * hypercalls and xenstore requests of the code under test.
 */
public final class Guest {

    private final SimDomain domain;

    Guest(SimDomain domain) {
        this.domain = domain;
    }

    /**
     * Returns the domain id.
     *
     * @return the id Xen gave the domain
     */
    public int id() {
        return domain.id();
    }

    /**
     * Returns the domain name, as {@code /local/domain/<id>/name} holds it.
     *
     * @return the name
     */
    public String name() {
        return domain.name();
    }

    /**
     * Returns the domain UUID, Xen's domain handle.
     *
     * @return the UUID
     */
    public UUID uuid() {
        return domain.uuid();
    }

    /**
     * Returns how many vCPUs the domain has, online or not (fixed when it was created).
     *
     * @return the maximum
     */
    public int maxVcpus() {
        return domain.maxVcpus();
    }

    /**
     * Tells whether the domain still runs.
     *
     * @return false once destroyed
     */
    public boolean running() {
        return domain.alive();
    }

    /**
     * Counts the vCPUs the guest has up now (getdomaininfo's {@code nr_online_vcpus}).
     *
     * @return the count
     */
    public int onlineVcpus() {
        return domain.onlineVcpus();
    }

    /**
     * Returns a vCPU's state, with jxen's mapping of Xen's flags ({@link VcpuState#of}).
     *
     * @param vcpu 0 to {@link #maxVcpus()} - 1
     * @return the state
     * @throws IllegalArgumentException for a vCPU out of that range
     */
    public VcpuState vcpuState(int vcpu) {
        SimVcpu v = vcpu(vcpu);
        return VcpuState.of(v.online(), v.blocked());
    }

    /**
     * Returns the pCPUs a vCPU may run on, as last set (Xen keeps the request, even where it names
     * offline pCPUs).
     *
     * @param vcpu 0 to {@link #maxVcpus()} - 1
     * @return the hard affinity
     * @throws IllegalArgumentException for a vCPU out of that range
     */
    public CpuMap hardAffinity(int vcpu) {
        return cpuMap(vcpu(vcpu).hardAffinity());
    }

    /**
     * Returns the pCPUs a vCPU prefers, as last set.
     *
     * @param vcpu 0 to {@link #maxVcpus()} - 1
     * @return the soft affinity
     * @throws IllegalArgumentException for a vCPU out of that range
     */
    public CpuMap softAffinity(int vcpu) {
        return cpuMap(vcpu(vcpu).softAffinity());
    }

    /**
     * Makes a vCPU use a share of one physical CPU from now on, while it is online: its CPU time
     * then grows by that share of wall time, so a test knows the utilization jxen should report
     * ({@code VcpuSnapshot.usageSince}). Every vCPU starts at 100 (busy).
     *
     * @param vcpu 0 to {@link #maxVcpus()} - 1
     * @param percent 0 (idle) to 100 (busy)
     * @throws IllegalArgumentException for a vCPU or a share out of range
     */
    public void setVcpuLoad(int vcpu, int percent) {
        vcpu(vcpu).setLoad(Require.between(percent, "load of vCPU " + vcpu + " of " + name() + " in percent", 0, 100));
    }

    /**
     * Returns the share of one physical CPU a vCPU uses while online.
     *
     * @param vcpu 0 to {@link #maxVcpus()} - 1
     * @return percent, 0 to 100
     * @throws IllegalArgumentException for a vCPU out of range
     */
    public int vcpuLoad(int vcpu) {
        return vcpu(vcpu).load();
    }

    /**
     * Makes the guest ignore its {@code cpu/<n>/availability} nodes, as a guest without Xen's
     * CPU-hotplug driver does: {@code setVcpus} succeeds (xenstore changes) but no vCPU comes up
     * or goes down.
     */
    public void ignoreHotplug() {
        domain.setGuestCooperates(false);
    }

    /**
     * Makes the guest act on each {@code cpu/<n>/availability} change only after a delay, as a PV
     * Linux guest does (its hotplug watcher takes seconds): {@code setVcpus} returns at once and
     * the online count changes later. The guest then applies what the node holds at that time.
     *
     * @param delay more than zero; changes written before this call keep the delay they had
     * @throws IllegalArgumentException for a null, zero or negative delay
     */
    public void delayHotplug(Duration delay) {
        if (Require.notNull(delay, "delay").isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("delay is " + delay + "; it must be more than zero");
        }
        domain.setHotplugDelay(delay);
        domain.setGuestCooperates(true);
    }

    /** Makes the guest act on its {@code cpu/<n>/availability} nodes at once (the default). */
    public void obeyHotplug() {
        domain.setHotplugDelay(Duration.ZERO);
        domain.setGuestCooperates(true);
    }

    /**
     * Describes the guest for messages.
     *
     * @return e.g. {@code guest demo (id 1)}
     */
    @Override
    public String toString() {
        return "guest " + name() + " (id " + id() + ")";
    }

    private SimVcpu vcpu(int vcpu) {
        return domain.vcpu(Require.between(vcpu, "vcpu of " + name(), 0, maxVcpus() - 1));
    }

    private static CpuMap cpuMap(BitSet cpus) {
        return CpuMap.ofCpus(cpus.stream().toArray());
    }
}
