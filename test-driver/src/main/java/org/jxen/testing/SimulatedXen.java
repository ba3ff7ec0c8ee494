package org.jxen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jxen.CpuMap;
import org.jxen.DomainIdentity;
import org.jxen.Hypervisor;
import org.jxen.JxenException;
import org.jxen.hypercall.Errno;
import org.jxen.testfixtures.host.SimDomain;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.testfixtures.privcmd.FakePrivcmd;
import org.jxen.testfixtures.xend.FakeXend;
import org.jxen.testfixtures.xenstored.FakeXenstored;
import org.jxen.testfixtures.xenstored.Misbehaviour;
import org.jxen.xen.XenDriver;
import org.jxen.xend.XendClient;
import org.jxen.xend.XendEndpoint;
import org.jxen.xenstore.XenstoreClient;
import org.jxen.xenstore.XenstoreEndpoint;
import org.jxen.xenstore.XenstoreOptions;

/**
 * A simulated Xen host that a test builds, connects jxen to, and acts on while the code under test
 * runs: the "MockWebServer" of Xen. See the {@linkplain org.jxen.testing package overview} for an
 * example.
 *
 * <p>{@link #connect()} returns jxen's real driver, the one that runs on a dom0, talking to the host
 * through a fake {@code /dev/xen/privcmd} (it decodes the hypercall structs as Xen does) and a fake
 * xenstored and xend on real unix sockets. Only what is under the device and the sockets is
 * simulated, so the code under test sees Xen's own answers and errors.
 *
 * <p>Thread-safe: a test may add and destroy domains, steer guests, inject hypercall failures and
 * break daemons from its own thread while other threads use connections. Each change is atomic
 * and seen by the next hypercall or request; one in flight sees the host before or after it.
 *
 * <p>Bad arguments (null included) are {@link IllegalArgumentException}s naming the value and what
 * is allowed; asking for a part the host was built without is an {@link IllegalStateException}.
 */
public final class SimulatedXen implements AutoCloseable {

    /** The most pCPUs a simulated host may have: beyond real hosts (4096), short of a mistyped size. */
    public static final int MAX_CPUS = 65_536;
    /** The most vCPUs a simulated domain may have. */
    public static final int MAX_VCPUS = 4096;
    /**
     * The most vCPUs a simulated host may have in all its domains: four domains of
     * {@value #MAX_VCPUS}. Each vCPU costs the host objects and xenstore nodes, so the domain limit
     * alone would let a few lines of host file ask for hundreds of thousands.
     */
    public static final int MAX_HOST_VCPUS = 16_384;
    /**
     * The most bytes of affinity maps a simulated host may hold, 128 MiB: every vCPU keeps a hard
     * and a soft map of the host's size ({@code 2 * ceil(cpus / 8)} bytes), so a host of
     * {@value #MAX_CPUS} pCPUs may have 8,192 vCPUs in all.
     */
    public static final long MAX_AFFINITY_BYTES = 128L << 20;

    private static final System.Logger LOG = System.getLogger(SimulatedXen.class.getName());
    private static final String DEFAULT_NAME = "test:///default";

    private final SimulatedHost host;
    private final FakePrivcmd privcmd;
    private final boolean withPrivcmd;
    private final FakeXenstored xenstored;
    private final FakeXend xend;
    private final Path xendDirectory;
    private final String name;
    private final Duration daemonTimeout;
    private final AtomicInteger nextDomainId;
    /**
     * The connections handed out, to close with the host; held weakly so that those the code under
     * test closed and dropped do not pile up (a dropped open one loses its sockets when the daemons
     * stop). Guarded by this.
     */
    private final Set<Hypervisor> connections = Collections.newSetFromMap(new WeakHashMap<>());
    private boolean closed; // guarded by this

    private SimulatedXen(SimulatedHost host, Builder settings) {
        this.host = host;
        this.privcmd = new FakePrivcmd(host); // also checks that the fakes simulate the host's Xen release
        this.withPrivcmd = settings.privcmd;
        this.name = settings.name;
        this.daemonTimeout = settings.daemonTimeout;
        this.nextDomainId = new AtomicInteger(host.domains().getLast().id() + 1);
        List<AutoCloseable> started = new ArrayList<>(List.of(privcmd));
        Path directory = null;
        try {
            this.xenstored = settings.xenstore ? started(started, FakeXenstored.start(host.xenstore())) : null;
            if (settings.xend) {
                directory = Files.createTempDirectory("jxen-test-");
                this.xend = started(started, settings.xendStarter.start(host, directory));
            } else {
                this.xend = null;
            }
            this.xendDirectory = directory;
        } catch (IOException e) {
            closeQuietly(started, directory);
            throw new UncheckedIOException("cannot start the simulated host", e);
        } catch (RuntimeException | Error e) {
            // Even after an Error (OutOfMemoryError), the fakes started so far must not outlive it in /tmp.
            closeQuietly(started, directory);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T started(List<AutoCloseable> started, T fake) {
        started.add(fake);
        return fake;
    }

    /**
     * Starts describing a host: Xen 4.17.0, 16 pCPUs all online, Domain-0 with 4 vCPUs, privcmd,
     * xenstored and xend, unless told otherwise.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the host of {@code test:///default}: Xen 4.17.0, 16 pCPUs, {@code Domain-0} (id 0, 4
     * of 4 vCPUs online) and {@code demo} (id 1, UUID {@code 4dea22b3-1d52-d8f3-2516-782e98ab3fa0},
     * 2 of 4 vCPUs online), with privcmd, xenstored and xend.
     *
     * @return the running host; close it
     */
    public static SimulatedXen defaultHost() {
        return new SimulatedXen(SimulatedHost.defaultHost(), new Builder().name(DEFAULT_NAME));
    }

    /**
     * Opens a new connection to the host: jxen's Xen driver over this host's privcmd device and
     * fresh sockets to its xenstored and xend (those it was built with). Several connections may be
     * open at once; all see the same host, and closing the host closes them.
     *
     * @return the connection; closing it leaves the host running
     * @throws JxenException what the driver's {@code XenDriver.builder().build()} throws, e.g.
     *     NO_SUPPORT for a host built without privcmd, xenstored and xend
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized Hypervisor connect() {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
        XenDriver.Builder driver = XenDriver.builder().name(name);
        if (withPrivcmd) {
            driver.privcmd(new SharedPrivcmd(privcmd));
        }
        if (xenstored != null) {
            XenstoreOptions options = XenstoreOptions.defaults();
            driver.xenstore(XenstoreClient.open(new XenstoreEndpoint.UnixSocket(xenstored.socket()),
                    daemonTimeout == null ? options : options.withTimeout(daemonTimeout)));
        }
        if (xend != null) {
            XendClient.Options options = XendClient.Options.DEFAULT;
            driver.xend(XendClient.create(new XendEndpoint.Unix(xend.socketPath()), daemonTimeout == null ? options
                    : new XendClient.Options(daemonTimeout, daemonTimeout, options.maxBodyBytes())));
        }
        Hypervisor connection = driver.build();
        connections.add(connection);
        return connection;
    }

    /**
     * Creates a running domain, as {@code xl create} does: the next domain id (one more than the
     * last one created), a random UUID, and its xenstore nodes, {@code cpu/<n>/availability}
     * included. Connections see it from their next call.
     *
     * @param name a name no running domain has
     * @param maxVcpus 1 to {@value #MAX_VCPUS}
     * @param onlineVcpus 1 to {@code maxVcpus}: vCPUs 0 to {@code onlineVcpus - 1} are up
     * @return the new guest
     * @throws IllegalArgumentException for a name in use or a count out of range
     */
    public Guest addDomain(String name, int maxVcpus, int onlineVcpus) {
        DomainSpec spec = new DomainSpec(nextDomainId.get(), name, UUID.randomUUID(), maxVcpus, onlineVcpus);
        if (host.domain(name).isPresent()) {
            throw new IllegalArgumentException("name \"" + name + "\" is taken by a running domain");
        }
        int id = nextDomainId.getAndIncrement();
        return new Guest(host.createDomain(id, spec.name(), spec.uuid(), spec.maxVcpus(), spec.onlineVcpus()));
    }

    /**
     * Destroys a running domain, as {@code xl destroy} does: it is gone from the hypervisor and its
     * xenstore nodes are removed. A jxen {@code Domain} handle for it then fails with NO_DOMAIN,
     * including calls in flight that reach Xen afterwards.
     *
     * @param name the name of a running domain other than Domain-0
     * @throws IllegalArgumentException when no running domain has that name, or for Domain-0
     *     (Xen cannot destroy it)
     */
    public void destroyDomain(String name) {
        SimDomain domain = running(name);
        if (domain.id() == 0 || !host.destroyDomain(domain.id())) {
            throw new IllegalArgumentException(domain.id() == 0 ? "Domain-0 cannot be destroyed: Xen runs in it"
                    : "domain \"" + name + "\" is no longer running");
        }
    }

    /**
     * Returns a handle on a running domain, to read what Xen holds for it and steer its guest.
     *
     * @param name the domain name
     * @return the guest
     * @throws IllegalArgumentException when no running domain has that name (the message lists those that run)
     */
    public Guest guest(String name) {
        return new Guest(running(name));
    }

    /**
     * Makes the next call of one hypercall fail with an errno, as Xen fails it; the calls after it
     * succeed. jxen maps the errno to its {@code ErrorCode} (EPERM and EACCES are OPERATION_DENIED,
     * ESRCH NO_DOMAIN, EINVAL INVALID_ARG, ENOSYS NO_SUPPORT, which moves on to the next backend,
     * others OPERATION_FAILED) and reports the name in {@code JxenException.detail()}.
     *
     * @param hypercall the hypercall
     * @param errno Xen's name for the errno, e.g. {@code "EPERM"}
     * @throws IllegalArgumentException for an errno Xen does not report (the message lists those it does)
     * @throws IllegalStateException for a host built {@linkplain Builder#withoutPrivcmd() without privcmd}
     */
    public void failNext(Hypercall hypercall, String errno) {
        fail(hypercall, errno, 1);
    }

    /**
     * Makes the next {@code times} calls of one hypercall fail with an errno, replacing what was set
     * for that hypercall before; the calls after them succeed.
     *
     * @param hypercall the hypercall
     * @param errno Xen's name for the errno, e.g. {@code "ESRCH"}
     * @param times 1 or more; {@link Integer#MAX_VALUE} fails every call until {@link #clearFailures()}
     * @throws IllegalArgumentException for an errno Xen does not report, or {@code times} below 1
     * @throws IllegalStateException for a host built {@linkplain Builder#withoutPrivcmd() without privcmd}
     */
    public void fail(Hypercall hypercall, String errno, int times) {
        Require.notNull(hypercall, "hypercall");
        int number = errno(errno).number();
        Require.between(times, "times", 1, Integer.MAX_VALUE);
        if (!withPrivcmd) {
            throw new IllegalStateException(name + " was built without privcmd: no hypercall can fail");
        }
        privcmd.fail(hypercall.operation(), number, times);
    }

    /** Lets every hypercall succeed again. */
    public void clearFailures() {
        privcmd.clearFailures();
    }

    /**
     * Returns the host's xenstored, to break it. {@link Daemon#stall()}: requests are never answered;
     * after the daemon timeout jxen passes the call to xend, or without xend fails it with
     * OPERATION_TIMEOUT. {@link Daemon#drop()}: the connection closes in the middle of the reply;
     * jxen passes the call to xend, or fails it with OPERATION_FAILED (a truncated reply).
     * {@link Daemon#refuse()}: every request is answered with the error EACCES (xenstored's
     * permission check) and not carried out, OPERATION_DENIED with detail {@code EACCES}, an answer
     * jxen does not retry elsewhere. After {@link Daemon#behave()} the next call of the same
     * connection uses xenstored again (a broken connection is replaced).
     *
     * @return the daemon
     * @throws IllegalStateException for a host built {@linkplain Builder#withoutXenstore() without xenstored}
     */
    public Daemon xenstored() {
        FakeXenstored daemon = present(xenstored, "xenstored");
        return new Daemon("xenstored", mode -> {
            switch (mode) {
                case BEHAVE -> daemon.behave();
                case STALL -> daemon.misbehave(new Misbehaviour.Stall());
                case DROP -> daemon.misbehave(new Misbehaviour.DropMidReply());
                case REFUSE -> daemon.misbehave(new Misbehaviour.ErrorReply("EACCES"));
            }
        });
    }

    /**
     * Returns the host's xend, the legacy fallback, to break it. {@link Daemon#stall()}: requests
     * are never answered, OPERATION_TIMEOUT after the daemon timeout. {@link Daemon#drop()}: the
     * connection closes in the middle of the reply's header, OPERATION_FAILED. {@link Daemon#refuse()}:
     * xend stops listening and leaves its socket file, as a xend that died does; connecting fails
     * with ECONNREFUSED, which jxen reports as NO_SUPPORT (xend unavailable).
     *
     * @return the daemon
     * @throws IllegalStateException for a host built {@linkplain Builder#withoutXend() without xend}
     */
    public Daemon xend() {
        FakeXend daemon = present(xend, "xend");
        return new Daemon("xend", mode -> daemon.fault(switch (mode) {
            case BEHAVE -> FakeXend.Fault.NONE;
            case STALL -> FakeXend.Fault.STALL;
            case DROP -> FakeXend.Fault.DROP_MID_REPLY;
            case REFUSE -> FakeXend.Fault.REFUSE;
        }));
    }

    /**
     * Closes every connection, stops the daemons and removes their sockets and temporary
     * directories. Calls in flight finish or fail with a {@link JxenException}. Closing twice is
     * harmless.
     */
    @Override
    public void close() {
        List<AutoCloseable> resources = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            Stream.of(privcmd, xend, xenstored).filter(Objects::nonNull).forEach(resources::add);
            resources.addAll(connections);
        }
        closeQuietly(resources, xendDirectory);
    }

    /** The daemons' sockets and the directories this host created, for tests of {@link #close()}. */
    List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (xenstored != null) {
            files.add(xenstored.socket());
            files.add(xenstored.socket().getParent());
        }
        if (xend != null) {
            files.add(xend.socketPath());
            files.add(xendDirectory);
        }
        return files;
    }

    private SimDomain running(String name) {
        Require.notNull(name, "name");
        return host.domain(name).orElseThrow(() -> new IllegalArgumentException("no running domain is named \""
                + name + "\"; the running domains are " + host.domains().stream().map(SimDomain::name).toList()));
    }

    private <T> T present(T daemon, String what) {
        if (daemon == null) {
            throw new IllegalStateException(name + " was built without " + what);
        }
        return daemon;
    }

    private static Errno errno(String name) {
        Require.notNull(name, "errno");
        try {
            return Errno.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("errno \"" + name + "\" is not one Xen reports; it must be one of "
                    + Arrays.stream(Errno.values()).map(Errno::name).toList(), e);
        }
    }

    /** Closes last first, then deletes the (by then empty) directory; one failure must not stop the rest. */
    private static void closeQuietly(List<AutoCloseable> resources, Path directory) {
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "closing " + resource, e);
            }
        }
        if (directory != null) {
            try {
                Files.deleteIfExists(directory);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "removing " + directory, e);
            }
        }
    }

    /**
     * Describes a simulated host; {@link #build()} starts it. Not thread-safe; the host it builds is.
     * Each method checks its argument at once, {@link #build()} what depends on several.
     */
    public static final class Builder {

        /** major.minor and XENVER_extraversion, which Xen holds in 16 bytes with the NUL. */
        private static final Pattern XEN_VERSION = Pattern.compile("(\\d{1,5})\\.(\\d{1,5})(\\p{Graph}{0,15})");
        private static final int DOMAIN0_VCPUS = 4;

        private final List<DomainSpec> domains = new ArrayList<>();
        private int xenMajor = 4;
        private int xenMinor = 17;
        private String xenExtra = ".0";
        private int cpus = 16;
        private int onlineCpus;
        private int nextId = 1;
        private boolean privcmd = true;
        private boolean xenstore = true;
        private boolean xend = true;
        private Duration daemonTimeout;
        private String name = "a simulated Xen host";
        private XendStarter xendStarter = FakeXend::start;

        private Builder() {
        }

        /**
         * Sets the Xen release the host runs; it also selects the hypercall structures the fake
         * privcmd decodes, as each release lays them out.
         *
         * @param version major.minor then up to 15 characters of extra version, e.g. {@code "4.19.0"};
         *     a release the fakes simulate (4.16 to 4.22, checked by {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException for text of another form
         */
        public Builder xenVersion(String version) {
            Matcher m = XEN_VERSION.matcher(Require.notNull(version, "xenVersion"));
            if (!m.matches()) {
                throw new IllegalArgumentException("xenVersion \"" + version + "\" is not major.minor then at most 15"
                        + " characters of extra version, such as \"4.17.0\"");
            }
            xenMajor = Integer.parseInt(m.group(1));
            xenMinor = Integer.parseInt(m.group(2));
            xenExtra = m.group(3);
            return this;
        }

        /**
         * Sets how many pCPUs the host has (physinfo {@code max_cpu_id + 1}); cpumaps are this long.
         *
         * @param count 1 to {@value SimulatedXen#MAX_CPUS}
         * @return this builder
         * @throws IllegalArgumentException for a count out of range
         */
        public Builder cpus(int count) {
            this.cpus = Require.between(count, "cpus", 1, MAX_CPUS);
            return this;
        }

        /**
         * Sets how many pCPUs are online, CPUs 0 to {@code count - 1} (physinfo {@code nr_cpus});
         * all of them unless set.
         *
         * @param count 1 to {@link #cpus(int) cpus}, checked by {@link #build()}
         * @return this builder
         * @throws IllegalArgumentException for a count below 1 or above {@value SimulatedXen#MAX_CPUS}
         */
        public Builder onlineCpus(int count) {
            this.onlineCpus = Require.between(count, "onlineCpus", 1, MAX_CPUS);
            return this;
        }

        /**
         * Adds a running domain with the next id (1 for the first, then one more than the highest
         * id added so far) and a random UUID.
         *
         * @param name a name no other domain has
         * @param maxVcpus 1 to {@value SimulatedXen#MAX_VCPUS}
         * @param onlineVcpus 1 to {@code maxVcpus}: vCPUs 0 to {@code onlineVcpus - 1} are up
         * @return this builder
         * @throws IllegalArgumentException for a name in use or a count out of range
         */
        public Builder domain(String name, int maxVcpus, int onlineVcpus) {
            return domain(nextId, name, UUID.randomUUID(), maxVcpus, onlineVcpus);
        }

        /**
         * Adds a running domain with a given id and UUID; id 0 replaces the default Domain-0.
         *
         * @param id 0 to {@value DomainIdentity#MAX_ID}, not in use
         * @param name a name no other domain has
         * @param uuid a UUID no other domain has
         * @param maxVcpus 1 to {@value SimulatedXen#MAX_VCPUS}
         * @param onlineVcpus 1 to {@code maxVcpus}
         * @return this builder
         * @throws IllegalArgumentException for an id, name or UUID in use, or a value out of range
         */
        public Builder domain(int id, String name, UUID uuid, int maxVcpus, int onlineVcpus) {
            DomainSpec spec = new DomainSpec(id, name, uuid, maxVcpus, onlineVcpus);
            for (DomainSpec other : domains) {
                if (other.id() == id || other.name().equals(name) || other.uuid().equals(uuid)) {
                    throw new IllegalArgumentException("domain " + id + " \"" + name + "\" " + uuid
                            + " has the id, name or UUID of domain " + other.id() + " \"" + other.name() + "\" "
                            + other.uuid() + "; each domain needs its own");
                }
            }
            domains.add(spec);
            nextId = Math.max(nextId, id + 1);
            return this;
        }

        /**
         * Leaves out the privcmd device, as on a host where jxen may not use it: the driver reads
         * and pins through xend, sets vCPU counts through xenstore, and
         * {@code Hypervisor.interfaceVersions()} is empty.
         *
         * @return this builder
         */
        public Builder withoutPrivcmd() {
            privcmd = false;
            return this;
        }

        /**
         * Leaves out xenstored: domain names come from xend, and vCPU counts are set through xend.
         *
         * @return this builder
         */
        public Builder withoutXenstore() {
            xenstore = false;
            return this;
        }

        /**
         * Leaves out xend, as on every Xen since 4.5: nothing to fall back to.
         *
         * @return this builder
         */
        public Builder withoutXend() {
            xend = false;
            return this;
        }

        /**
         * Sets how long the driver's clients wait for xenstored and xend before failing a call
         * (connecting and each reply). A test that {@linkplain Daemon#stall() stalls} a daemon wants
         * it short; unless set, the clients' own defaults apply (10 s for xenstored, 5 s to
         * connect and 30 s to read for xend).
         *
         * @param timeout more than zero
         * @return this builder
         * @throws IllegalArgumentException for a null, zero or negative timeout
         */
        public Builder daemonTimeout(Duration timeout) {
            if (Require.notNull(timeout, "daemonTimeout").isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("daemonTimeout is " + timeout + "; it must be more than zero");
            }
            this.daemonTimeout = timeout;
            return this;
        }

        /**
         * Names the host in jxen's messages, e.g. "the connection to NAME is closed".
         *
         * @param name what the host is
         * @return this builder
         * @throws IllegalArgumentException for a null name
         */
        public Builder name(String name) {
            this.name = Require.notNull(name, "name");
            return this;
        }

        /**
         * Starts the host: its domains run, and its daemons listen on unix sockets in new temporary
         * directories. Adds Domain-0 (id 0, UUID 0, 4 of 4 vCPUs online) unless a domain has id 0.
         *
         * @return the running host; close it
         * @throws IllegalArgumentException for a Xen release the fakes do not simulate (the message
         *     lists those they do), more online pCPUs than pCPUs, or a host over the budget: more
         *     than {@value SimulatedXen#MAX_HOST_VCPUS} vCPUs in all, or more than
         *     {@value SimulatedXen#MAX_AFFINITY_BYTES} bytes of affinity maps (checked before anything
         *     is allocated or started)
         * @throws UncheckedIOException when a socket or directory cannot be created; what was
         *     started is stopped and removed, as on any failure
         */
        public SimulatedXen build() {
            List<DomainSpec> all = new ArrayList<>(domains);
            if (all.stream().noneMatch(d -> d.id() == 0)) {
                all.add(new DomainSpec(0, "Domain-0", new UUID(0, 0), DOMAIN0_VCPUS, DOMAIN0_VCPUS));
            }
            checkBudget(all);
            SimulatedHost.Builder host = SimulatedHost.builder().xenVersion(xenMajor, xenMinor, xenExtra).cpus(cpus);
            if (onlineCpus > 0) {
                host.onlineCpus(Require.between(onlineCpus, "onlineCpus", 1, cpus));
            }
            for (DomainSpec d : all) {
                host.domain(d.id(), d.name(), d.uuid(), d.maxVcpus(), d.onlineVcpus());
            }
            return new SimulatedXen(host.build(), this);
        }

        /** Replaces how the fake xend starts: a seam for tests of a start-up that fails half way. */
        Builder xendStarter(XendStarter starter) {
            this.xendStarter = Require.notNull(starter, "xendStarter");
            return this;
        }

        private void checkBudget(List<DomainSpec> all) {
            long vcpus = all.stream().mapToLong(DomainSpec::maxVcpus).sum();
            if (vcpus > MAX_HOST_VCPUS) {
                throw new IllegalArgumentException("the domains have " + vcpus + " vCPUs in all; a simulated host may"
                        + " have at most " + MAX_HOST_VCPUS + " (MAX_HOST_VCPUS)");
            }
            long mapBytes = 2L * CpuMap.maplen(cpus); // a hard and a soft map per vCPU
            long affinityBytes = vcpus * mapBytes;
            if (affinityBytes > MAX_AFFINITY_BYTES) {
                throw new IllegalArgumentException("the domains' " + vcpus + " vCPUs on " + cpus + " pCPUs need "
                        + affinityBytes + " bytes of affinity maps (" + mapBytes + " each); a simulated host may"
                        + " hold at most " + MAX_AFFINITY_BYTES + " (MAX_AFFINITY_BYTES), "
                        + MAX_AFFINITY_BYTES / mapBytes + " vCPUs on " + cpus + " pCPUs");
            }
        }
    }

    /** Starts the fake xend of a host in a directory. */
    @FunctionalInterface
    interface XendStarter {
        FakeXend start(SimulatedHost host, Path directory) throws IOException;
    }
}
