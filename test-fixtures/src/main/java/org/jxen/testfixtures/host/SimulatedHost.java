package org.jxen.testfixtures.host;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated Xen host: physical CPUs, domains with vCPUs, and the xenstore tree, as one consistent
 * state that every fake (privcmd, xenstored, xend) reads and changes, so a change made through one
 * backend is seen through the others. The simulated guests behave like PV Linux: writing
 * {@code /local/domain/<id>/cpu/<n>/availability} brings vCPU n up or down, at once unless the
 * domain has a {@linkplain SimDomain#setHotplugDelay hotplug delay}.
 *
 * <p>Thread-safe: every method takes the host's one lock.
 */
public final class SimulatedHost {

    private static final Pattern AVAILABILITY = Pattern.compile("/local/domain/(\\d+)/cpu/(\\d+)/availability");

    private final LongSupplier clock;
    private final Object lock = new Object();
    private final int xenMajor;
    private final int xenMinor;
    private final String xenExtra;
    private final int hostCpus;
    private final BitSet onlineCpus;
    private final TreeMap<Integer, SimDomain> domains = new TreeMap<>();
    private final SimXenstore xenstore = new SimXenstore(lock);

    /** Now, in nanoseconds, on the host's clock. */
    long now() {
        return clock.getAsLong();
    }

    private SimulatedHost(Builder b) {
        this.clock = b.clock;
        this.xenMajor = b.xenMajor;
        this.xenMinor = b.xenMinor;
        this.xenExtra = b.xenExtra;
        this.hostCpus = b.hostCpus;
        this.onlineCpus = new BitSet();
        onlineCpus.set(0, b.onlineCpus);
        xenstore.addWatcher(this::guestReacts);
        for (Builder.DomainSpec d : b.domains) {
            createDomain(d.id(), d.name(), d.uuid(), d.maxVcpus(), d.onlineVcpus());
        }
    }

    /**
     * Returns the default host of {@code test:///default}: Xen 4.17.0 with 16 pCPUs, Domain-0
     * (id 0, 4 of 4 vCPUs online) and {@code demo} (id 1, 2 of 4 vCPUs online).
     *
     * @return a new host
     */
    public static SimulatedHost defaultHost() {
        return builder()
                .domain(0, "Domain-0", new UUID(0, 0), 4, 4)
                .domain(1, "demo", UUID.fromString("4dea22b3-1d52-d8f3-2516-782e98ab3fa0"), 4, 2)
                .build();
    }

    /**
     * Starts describing a host: Xen 4.17.0 and 16 pCPUs, all online, no domains, unless told otherwise.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    Object lock() {
        return lock;
    }

    /**
     * Returns the Xen major version (XENVER_version's upper 16 bits).
     *
     * @return e.g. 4
     */
    public int xenMajor() {
        return xenMajor;
    }

    /**
     * Returns the Xen minor version (XENVER_version's lower 16 bits).
     *
     * @return e.g. 17
     */
    public int xenMinor() {
        return xenMinor;
    }

    /**
     * Returns XENVER_extraversion.
     *
     * @return e.g. {@code .0}
     */
    public String xenExtra() {
        return xenExtra;
    }

    /**
     * Returns how many CPU numbers the host has: physinfo {@code max_cpu_id + 1}; cpumaps are sized from it.
     *
     * @return the CPU count
     */
    public int hostCpus() {
        return hostCpus;
    }

    /**
     * Returns how many pCPUs are online: physinfo {@code nr_cpus}, CPUs 0 to {@code onlineCpus() - 1}.
     *
     * @return the online count
     */
    public int onlineCpus() {
        return onlineCpus.cardinality();
    }

    /**
     * Returns the domains in id order.
     *
     * @return a snapshot list
     */
    public List<SimDomain> domains() {
        synchronized (lock) {
            return List.copyOf(domains.values());
        }
    }

    /**
     * Finds a domain by id.
     *
     * @param id the domain id
     * @return the domain, if it exists
     */
    public Optional<SimDomain> domain(int id) {
        synchronized (lock) {
            return Optional.ofNullable(domains.get(id));
        }
    }

    /**
     * Finds a domain by name.
     *
     * @param name the name
     * @return the domain, if it exists
     */
    public Optional<SimDomain> domain(String name) {
        synchronized (lock) {
            return domains.values().stream().filter(d -> d.name().equals(name)).findFirst();
        }
    }

    /**
     * Returns the host's xenstore tree.
     *
     * @return the tree
     */
    public SimXenstore xenstore() {
        return xenstore;
    }

    /**
     * Creates a running domain and writes its xenstore nodes as libxl does (name, domid, vm and
     * {@code cpu/<n>/availability} for every vCPU up to the maximum).
     *
     * @param id a free domain id, 0 to 0x7FEF
     * @param name a name no other domain has
     * @param uuid the UUID
     * @param maxVcpus the vCPU structures, at least 1
     * @param onlineVcpus how many are online at start (vCPUs 0 to onlineVcpus - 1)
     * @return the domain
     */
    public SimDomain createDomain(int id, String name, UUID uuid, int maxVcpus, int onlineVcpus) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
        if (id < 0 || id > 0x7FEF || maxVcpus < 1 || onlineVcpus < 0 || onlineVcpus > maxVcpus) {
            throw new IllegalArgumentException("bad domain " + id + " " + name + " " + onlineVcpus + "/" + maxVcpus);
        }
        synchronized (lock) {
            if (domains.containsKey(id) || domain(name).isPresent()) {
                throw new IllegalArgumentException("domain " + id + " or " + name + " exists");
            }
            SimDomain d = new SimDomain(this, id, name, uuid, maxVcpus);
            domains.put(id, d);
            String home = "/local/domain/" + id;
            String vm = "/vm/" + uuid;
            xenstore.write(vm + "/name", ascii(name));
            xenstore.write(vm + "/uuid", ascii(uuid.toString()));
            xenstore.write(home + "/vm", ascii(vm));
            xenstore.write(home + "/name", ascii(name));
            xenstore.write(home + "/domid", ascii(Integer.toString(id)));
            for (int n = 0; n < maxVcpus; n++) {
                xenstore.write(home + "/cpu/" + n + "/availability", ascii(n < onlineVcpus ? "online" : "offline"));
            }
            return d;
        }
    }

    /**
     * Destroys a domain: it disappears from the host and its xenstore nodes are removed.
     *
     * @param id the domain id
     * @return true if it existed
     */
    public boolean destroyDomain(int id) {
        synchronized (lock) {
            SimDomain d = domains.remove(id);
            if (d == null) {
                return false;
            }
            d.kill();
            xenstore.rm("/local/domain/" + id);
            xenstore.rm("/vm/" + d.uuid());
            return true;
        }
    }

    BitSet allCpus() {
        BitSet all = new BitSet(hostCpus);
        all.set(0, hostCpus);
        return all;
    }

    BitSet onlineCpuSet() {
        return (BitSet) onlineCpus.clone();
    }

    BitSet clipToHost(BitSet requested) {
        return requested.get(0, hostCpus);
    }

    /** The simulated guest kernel's CPU-hotplug driver: availability nodes drive VCPUOP_up/down. */
    private void guestReacts(String path) {
        Matcher m = AVAILABILITY.matcher(path);
        if (!m.matches()) {
            return;
        }
        SimDomain d = domains.get(Integer.parseInt(m.group(1)));
        int n = Integer.parseInt(m.group(2));
        if (d == null || !d.guestCooperates() || n >= d.maxVcpus()) {
            return;
        }
        Duration delay = d.hotplugDelay();
        if (delay.isZero()) {
            applyAvailability(d, n, path);
            return;
        }
        // Watchers run under the lock and must not block: the slow guest acts on its own thread.
        Thread.ofVirtual().name("simulated-guest-hotplug").start(() -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (lock) {
                if (d.alive() && d.guestCooperates()) {
                    applyAvailability(d, n, path);
                }
            }
        });
    }

    /** Brings vCPU n up or down as its availability node says now. */
    private void applyAvailability(SimDomain d, int n, String path) {
        xenstore.read(path).ifPresent(v -> {
            String value = new String(v, StandardCharsets.US_ASCII);
            if (value.equals("online") || value.equals("offline")) {
                d.vcpu(n).setOnline(value.equals("online"));
            }
        });
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Describes a simulated host; {@link #build()} creates it with its domains running. */
    public static final class Builder {
        private int xenMajor = 4;
        private int xenMinor = 17;
        private String xenExtra = ".0";
        private int hostCpus = 16;
        private int onlineCpus = -1;
        private LongSupplier clock = System::nanoTime;
        private final List<DomainSpec> domains = new ArrayList<>();

        private Builder() {
        }

        private record DomainSpec(int id, String name, UUID uuid, int maxVcpus, int onlineVcpus) {
        }

        /**
         * Sets the Xen release the host runs, which also selects the hypercall ABI the fakes speak.
         *
         * @param major e.g. 4
         * @param minor e.g. 17
         * @param extra XENVER_extraversion, e.g. {@code .0}
         * @return this builder
         */
        public Builder xenVersion(int major, int minor, String extra) {
            this.xenMajor = major;
            this.xenMinor = minor;
            this.xenExtra = Objects.requireNonNull(extra, "extra");
            return this;
        }

        /**
         * Sets the host's CPU count (physinfo {@code max_cpu_id + 1}); all online unless {@link #onlineCpus(int)}.
         *
         * @param count at least 1
         * @return this builder
         */
        public Builder cpus(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("cpus " + count);
            }
            this.hostCpus = count;
            return this;
        }

        /**
         * Sets how many pCPUs are online (CPUs 0 to count - 1): physinfo {@code nr_cpus}.
         *
         * @param count 1 to the host's CPU count
         * @return this builder
         */
        public Builder onlineCpus(int count) {
            this.onlineCpus = count;
            return this;
        }

        /**
         * Adds a running domain.
         *
         * @param id the domain id
         * @param name the name
         * @param uuid the UUID
         * @param maxVcpus its vCPU structures
         * @param onlineVcpus how many are online at start
         * @return this builder
         */
        public Builder domain(int id, String name, UUID uuid, int maxVcpus, int onlineVcpus) {
            domains.add(new DomainSpec(id, name, uuid, maxVcpus, onlineVcpus));
            return this;
        }

        /**
         * Sets the clock the vCPUs' CPU time runs on, so that a test can move time itself
         * instead of sleeping.
         *
         * @param nanos a monotonic clock in nanoseconds, like {@link System#nanoTime()} (the default)
         * @return this builder
         */
        public Builder clock(LongSupplier nanos) {
            this.clock = Objects.requireNonNull(nanos, "nanos");
            return this;
        }

        /**
         * Creates the host.
         *
         * @return the host
         */
        public SimulatedHost build() {
            if (onlineCpus == -1) {
                onlineCpus = hostCpus;
            }
            if (onlineCpus < 1 || onlineCpus > hostCpus) {
                throw new IllegalArgumentException("online cpus " + onlineCpus + " of " + hostCpus);
            }
            return new SimulatedHost(this);
        }
    }
}
