package org.jxen.testfixtures.host;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A domain of the simulated host: identity, a fixed number of vCPU structures (its maximum, as
 * Xen fixes it at creation), and whether and how fast the guest reacts to cpu/N/availability writes.
 */
public final class SimDomain {

    private final SimulatedHost host;
    private final int id;
    private final String name;
    private final UUID uuid;
    private final List<SimVcpu> vcpus;
    private boolean alive = true;
    private boolean guestCooperates = true;
    private Duration hotplugDelay = Duration.ZERO;

    SimDomain(SimulatedHost host, int id, String name, UUID uuid, int maxVcpus) {
        this.host = host;
        this.id = id;
        this.name = name;
        this.uuid = uuid;
        this.vcpus = IntStream.range(0, maxVcpus).mapToObj(n -> new SimVcpu(host, n)).toList();
    }

    /**
     * Returns the domain id.
     *
     * @return the id
     */
    public int id() {
        return id;
    }

    /**
     * Returns the domain name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the domain UUID (Xen's domain handle).
     *
     * @return the UUID
     */
    public UUID uuid() {
        return uuid;
    }

    /**
     * Returns how many vCPU structures the domain has: getdomaininfo's {@code max_vcpu_id + 1}.
     *
     * @return the maximum
     */
    public int maxVcpus() {
        return vcpus.size();
    }

    /**
     * Counts the online vCPUs: getdomaininfo's {@code nr_online_vcpus}.
     *
     * @return the count
     */
    public int onlineVcpus() {
        return (int) vcpus.stream().filter(SimVcpu::online).count();
    }

    /**
     * Sums the vCPUs' CPU time: getdomaininfo's {@code cpu_time}.
     *
     * @return nanoseconds
     */
    public long cpuTimeNs() {
        return vcpus.stream().mapToLong(SimVcpu::cpuTimeNs).sum();
    }

    /**
     * Returns one vCPU.
     *
     * @param n 0 to {@link #maxVcpus()} - 1
     * @return the vCPU
     * @throws IndexOutOfBoundsException outside that range
     */
    public SimVcpu vcpu(int n) {
        return vcpus.get(n);
    }

    /**
     * Returns every vCPU in order.
     *
     * @return the vCPUs
     */
    public List<SimVcpu> vcpus() {
        return vcpus;
    }

    /**
     * Tells whether the domain still exists.
     *
     * @return false once destroyed
     */
    public boolean alive() {
        synchronized (host.lock()) {
            return alive;
        }
    }

    /**
     * Tells whether the guest reacts to its cpu/N/availability nodes (a PV Linux guest does).
     *
     * @return true by default
     */
    public boolean guestCooperates() {
        synchronized (host.lock()) {
            return guestCooperates;
        }
    }

    /**
     * Makes the guest react, or not, to its cpu/N/availability nodes; false models a guest without
     * Xen's CPU-hotplug driver, where xenstore changes but the vCPUs do not.
     *
     * @param value true to react
     */
    public void setGuestCooperates(boolean value) {
        synchronized (host.lock()) {
            guestCooperates = value;
        }
    }

    /**
     * Returns how long the guest takes to act on a cpu/N/availability write.
     *
     * @return zero by default (at once)
     */
    public Duration hotplugDelay() {
        synchronized (host.lock()) {
            return hotplugDelay;
        }
    }

    /**
     * Makes the guest act on cpu/N/availability writes after a delay, as a PV Linux guest does
     * (its hotplug watcher takes seconds); it then applies what the node holds at that time.
     *
     * @param delay zero or more
     * @throws IllegalArgumentException when negative
     */
    public void setHotplugDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("hotplug delay " + delay + " is negative");
        }
        synchronized (host.lock()) {
            hotplugDelay = delay;
        }
    }

    void kill() {
        alive = false;
    }
}
