package org.jxen.xen;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jxen.Backend;
import org.jxen.Domain;
import org.jxen.DomainIdentity;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.InterfaceVersions;
import org.jxen.JxenException;
import org.jxen.NodeInfo;
import org.jxen.VcpuSnapshot;
import org.jxen.hypercall.DomainInfo;
import org.jxen.internal.Arguments;
import org.jxen.internal.HostCpus;
import org.jxen.xen.FallbackPolicy.Attempt;

/**
 * A connection to a Xen host over up to three backends. Every operation here says which backends
 * may answer it and in which order (see the table in DESIGN.md); {@link FallbackPolicy} decides
 * when to move on. Holds no mutable state besides the closed flag, so it is thread-safe as long
 * as the clients are, which they are.
 */
final class XenHypervisor implements Hypervisor {

    private static final int COUNT_LOCK_STRIPES = 64;

    private final String name;
    private final HypercallBackend hypercall;
    private final XenstoreBackend xenstore;
    private final XendBackend xend;
    private final AutoCloseable resources;
    private final AtomicBoolean closed = new AtomicBoolean();
    /**
     * Serializes changes of one domain's vCPU count on this connection: two would only fight over
     * the same xenstore nodes and fail with EAGAIN. Striped by UUID, so memory stays fixed however
     * many domains come and go; two domains sharing a stripe merely wait for each other.
     */
    private final ReentrantLock[] countLocks = IntStream.range(0, COUNT_LOCK_STRIPES)
            .mapToObj(i -> new ReentrantLock()).toArray(ReentrantLock[]::new);
    /** max_cpu_id + 1, read once: it is fixed when Xen boots (CPU hotplug changes nr_cpus, not it). */
    private final HostCpus hostCpus = new HostCpus(this);

    XenHypervisor(String name, HypercallBackend hypercall, XenstoreBackend xenstore, XendBackend xend,
                  AutoCloseable resources) {
        this.name = name;
        this.hypercall = hypercall;
        this.xenstore = xenstore;
        this.xend = xend;
        this.resources = resources;
    }

    @Override
    public NodeInfo nodeInfo() {
        return run("read the host's CPUs",
                new Attempt<>(Backend.HYPERCALL, hypercall::nodeInfo),
                new Attempt<>(Backend.XEND, xend::nodeInfo));
    }

    @Override
    public Optional<InterfaceVersions> interfaceVersions() {
        requireOpen("read the interface versions");
        return hypercall.interfaceVersions().map(v -> new InterfaceVersions(v.domctl(), v.sysctl()));
    }

    /** How many CPU numbers the host's maps hold, for checking a pin; one physinfo per connection. */
    int hostCpus() {
        return hostCpus.get();
    }

    /** The lock that serializes vCPU-count changes of a domain on this connection. */
    ReentrantLock countLock(Target target) {
        return countLocks[Math.floorMod(target.uuid().hashCode(), COUNT_LOCK_STRIPES)];
    }

    @Override
    public List<DomainIdentity> listDomains() {
        return run("list domains",
                new Attempt<>(Backend.HYPERCALL, () -> hypercall.domains().stream()
                        .map(d -> new DomainIdentity(d.domain(), xenstore.name(d.domain()), d.handle()))
                        .toList()),
                new Attempt<>(Backend.XEND, xend::domains));
    }

    @Override
    public VcpuSnapshot vcpuSnapshot(boolean withAffinity) {
        return run("read the vCPUs of every domain",
                new Attempt<>(Backend.HYPERCALL, () -> hypercall.snapshot(withAffinity, xenstore::keptName)),
                new Attempt<>(Backend.XEND, () -> xend.snapshot(withAffinity ? OptionalInt.of(hostCpus()) : OptionalInt.empty())));
    }

    @Override
    public Domain domain0() {
        return domain(0);
    }

    @Override
    public Domain domain(int id) {
        if (id < 0 || id > DomainIdentity.MAX_ID) {
            throw new JxenException(ErrorCode.INVALID_ARG, "domain id " + id + " out of range 0-" + DomainIdentity.MAX_ID);
        }
        return new XenDomain(this, run("look up domain " + id,
                new Attempt<>(Backend.HYPERCALL, () -> byId(id)),
                new Attempt<>(Backend.XEND, () -> xend.lookup(Integer.toString(id)))));
    }

    @Override
    public Domain domain(String name) {
        Arguments.notNull(name, "name");
        if (name.isBlank()) {
            throw new JxenException(ErrorCode.INVALID_ARG, "domain name must not be blank");
        }
        return new XenDomain(this, run("look up domain '" + name + "'",
                new Attempt<>(Backend.HYPERCALL, () -> {
                    OptionalInt id = xenstore.idOf(name);
                    if (id.isEmpty()) {
                        throw new JxenException(ErrorCode.NO_DOMAIN, "no domain named '" + name + "'",
                                Backend.XENSTORE, null, null);
                    }
                    DomainInfo info = hypercall.domain(id.getAsInt());
                    return new DomainIdentity(info.domain(), name, info.handle());
                }),
                new Attempt<>(Backend.XEND, () -> named(name, xend.lookup(name)))));
    }

    @Override
    public Domain domain(UUID uuid) {
        Arguments.notNull(uuid, "uuid");
        return new XenDomain(this, run("look up domain " + uuid,
                new Attempt<>(Backend.HYPERCALL, () -> hypercall.domains().stream()
                        .filter(d -> d.handle().equals(uuid))
                        .findFirst()
                        .map(d -> new DomainIdentity(d.domain(), xenstore.name(d.domain()), d.handle()))
                        .orElseThrow(() -> new JxenException(ErrorCode.NO_DOMAIN, "no domain with UUID " + uuid,
                                Backend.HYPERCALL, null, null))),
                new Attempt<>(Backend.XEND, () -> xend.lookup(uuid.toString()))));
    }

    private DomainIdentity byId(int id) {
        DomainInfo info = hypercall.domain(id);
        return new DomainIdentity(id, xenstore.name(id), info.handle());
    }

    /** xend also finds a domain by id or UUID under a name; only an exact name match counts. */
    private static DomainIdentity named(String name, DomainIdentity found) {
        if (!found.name().equals(name)) {
            throw new JxenException(ErrorCode.NO_DOMAIN, "no domain named '" + name + "'", Backend.XEND, null, null);
        }
        return found;
    }

    HypercallBackend hypercall() {
        return hypercall;
    }

    XenstoreBackend xenstore() {
        return xenstore;
    }

    XendBackend xend() {
        return xend;
    }

    /** Runs an operation through the fallback policy, on an open connection. */
    @SafeVarargs
    final <T> T run(String operation, Attempt<T>... attempts) {
        requireOpen(operation);
        try {
            return FallbackPolicy.run(operation, List.of(attempts));
        } catch (RuntimeException e) {
            throw closedDuring(operation, e);
        }
    }

    /**
     * A close racing a call pulls the device or socket from under it: whatever that broke (a lease
     * refused, a socket shut), the caller's answer is that the connection was closed. Out of line
     * so that {@link #run} stays small enough for the JIT to inline.
     */
    private RuntimeException closedDuring(String operation, RuntimeException e) {
        return closed.get() ? new JxenException(ErrorCode.OPERATION_INVALID, "cannot " + operation
                + ": the connection to " + name + " was closed while the call ran", null, null, e) : e;
    }

    /** Fails when the connection is closed, naming the operation the caller asked for. */
    void requireOpen(String operation) {
        if (closed.get()) {
            throw closedError(operation);
        }
    }

    /** Whether {@link #close()} was called; for callers that build their operation's name only when it is. */
    boolean isClosed() {
        return closed.get();
    }

    /** The error of an operation asked of a closed connection. */
    JxenException closedError(String operation) {
        return new JxenException(ErrorCode.OPERATION_INVALID, "cannot " + operation + ": the connection to " + name
                + " is closed");
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                resources.close();
            } catch (Exception e) {
                throw new JxenException(ErrorCode.OPERATION_FAILED, "cannot close the connection: " + e.getMessage(),
                        null, null, e);
            }
        }
    }
}
