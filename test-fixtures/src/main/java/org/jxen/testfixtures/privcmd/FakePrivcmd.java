package org.jxen.testfixtures.privcmd;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.jxen.hypercall.Errno;
import org.jxen.hypercall.HypercallBuffer;
import org.jxen.hypercall.Operation;
import org.jxen.hypercall.PrivcmdDevice;
import org.jxen.hypercall.abi.DomctlAbi;
import org.jxen.hypercall.abi.Field;
import org.jxen.hypercall.abi.Layouts;
import org.jxen.hypercall.abi.SysctlAbi;
import org.jxen.hypercall.abi.XenRelease;
import org.jxen.hypercall.spi.BufferPool;
import org.jxen.testfixtures.host.SimDomain;
import org.jxen.testfixtures.host.SimVcpu;
import org.jxen.testfixtures.host.SimulatedHost;

/**
 * A privcmd device that behaves like Xen on the simulated host. It reads the privcmd_hypercall
 * struct and the domctl/sysctl structs from the native memory it leased, with the layouts of the
 * release the host runs (Xen 4.16 to 4.22), checks the interface version (EACCES), applies the
 * call to the host and writes results back as that release does: getdomaininfo answers for the
 * next domain up to 4.17, getvcpuinfo says ENOENT for a bad vCPU on 4.22, get/setvcpuaffinity
 * read and write exactly the maps their flags ask for (both in one call with HARD|SOFT), and
 * setvcpuaffinity writes back the effective map. Guest handles are resolved only within buffers it
 * has leased out; anything else is EFAULT. Any hypercall can be made to fail with any errno.
 * Thread-safe; the caller is Domain-0.
 */
public final class FakePrivcmd implements PrivcmdDevice {

    private static final int DOMID_FIRST_RESERVED = 0x7FF0;
    /** The domain the fake's caller runs in. */
    private static final int CALLER = 0;
    private static final int EXTRAVERSION_BYTES = 16;
    private static final int PHYSCAP_HVM_PV = 0x3;
    private static final long HOST_PAGES = 1L << 22;
    private static final long DOMAIN_PAGES = 1L << 18;
    private static final int CPU_KHZ = 2_400_000;
    private static final int DOMINF_BLOCKED = 1 << 4;
    private static final int DOMINF_RUNNING = 1 << 5;
    private static final Field OP = Field.of(Layouts.PRIVCMD_HYPERCALL, "op");
    private static final Field ARG0 = Field.of(Layouts.PRIVCMD_HYPERCALL, "arg[0]");
    private static final Field ARG1 = Field.of(Layouts.PRIVCMD_HYPERCALL, "arg[1]");

    private final SimulatedHost host;
    private final XenRelease release;
    private final ReleaseBehaviour behaviour;
    private final Arena arena = Arena.ofShared();
    private final BufferPool pool = new BufferPool(bytes -> arena.allocate(bytes, BufferPool.PAGE));
    private final Map<Operation, Failure> failures = new ConcurrentHashMap<>();
    private final Map<Operation, AtomicLong> calls = new EnumMap<>(Operation.class);
    private final Field physinfo;
    private volatile long reportedVersion;
    private volatile Lie lie;

    /** An injected failure; {@code remaining} < 0 means every call. */
    private record Failure(int errno, AtomicInteger remaining) {
    }

    /**
     * Creates the device for a host; the host's Xen version chooses the release emulated.
     *
     * @param host the simulated host
     * @throws IllegalArgumentException when the host runs a Xen release outside 4.16 to 4.22
     */
    public FakePrivcmd(SimulatedHost host) {
        this.host = host;
        this.release = XenRelease.of(host.xenMajor(), host.xenMinor()).orElseThrow(() -> new IllegalArgumentException(
                "the fake privcmd speaks Xen " + XenRelease.SUPPORTED + ", not " + host.xenMajor() + "." + host.xenMinor()));
        for (Operation op : Operation.values()) {
            calls.put(op, new AtomicLong());
        }
        this.behaviour = ReleaseBehaviour.of(release);
        physinfo = Field.of(release.sysctl().layout(), "u.physinfo");
        reportVersion(host.xenMajor(), host.xenMinor());
    }

    /**
     * Makes XENVER_version report another version than the release emulated, as a distribution's
     * patched Xen may, so that interface-version probing has to search.
     *
     * @param major the major version to report
     * @param minor the minor version to report
     */
    public void reportVersion(int major, int minor) {
        reportedVersion = ((long) major << 16) | minor;
    }

    /**
     * Makes every later call of one operation fail with an errno, until {@link #clearFailures()}.
     *
     * @param op a hypercall operation
     * @param errno the errno Xen returns, e.g. 1 for EPERM
     */
    public void fail(Operation op, int errno) {
        fail(op, errno, -1);
    }

    /**
     * Makes the next {@code times} calls of one operation fail with an errno.
     *
     * @param op a hypercall operation
     * @param errno the errno Xen returns
     * @param times how many calls fail; negative for all of them
     */
    public void fail(Operation op, int errno, int times) {
        if (op.hypercall() < 0 || errno <= 0) {
            throw new IllegalArgumentException("cannot fail " + op + " with errno " + errno);
        }
        failures.put(op, new Failure(errno, new AtomicInteger(times)));
    }

    /** Stops failing calls. */
    public void clearFailures() {
        failures.clear();
    }

    /**
     * A wrong answer the fake gives from now on, as a corrupt or hostile hypervisor would: for
     * tests of what the driver trusts before it sizes or loops by Xen's numbers.
     */
    public sealed interface Lie {

        /**
         * getdomaininfo and getdomaininfolist report this max_vcpu_id for every domain.
         *
         * @param value the id reported
         */
        record MaxVcpuId(int value) implements Lie {
        }

        /**
         * getdomaininfolist fills every slot asked for, from the first domain again: a full batch
         * whose ids do not rise.
         */
        record RepeatingDomainList() implements Lie {
        }

        /**
         * getdomaininfolist reports this id for the last domain it lists.
         *
         * @param id the id reported
         */
        record LastListedId(int id) implements Lie {
        }
    }

    /**
     * Starts answering wrongly, until {@link #tellTheTruth()}.
     *
     * @param lie the wrong answer
     */
    public void lie(Lie lie) {
        this.lie = Objects.requireNonNull(lie, "lie");
    }

    /** Stops answering wrongly. */
    public void tellTheTruth() {
        lie = null;
    }

    /**
     * Counts the hypercalls of one operation that reached the device, failed or not.
     *
     * @param op the operation
     * @return the count
     */
    public long calls(Operation op) {
        return calls.get(op).get();
    }

    @Override
    public HypercallBuffer lease(long dataBytes) {
        return pool.lease(dataBytes);
    }

    @Override
    public long hypercall(HypercallBuffer buffer) {
        MemorySegment call;
        try {
            call = pool.leased(buffer).call();
        } catch (IllegalArgumentException e) {
            return -Errno.EFAULT.number(); // the kernel's copy_from_user of the privcmd_hypercall struct fails
        }
        long op = OP.get(call);
        long arg0 = ARG0.get(call);
        if (op == Operation.XENVER_VERSION.hypercall()) {
            return xenVersion(arg0, ARG1.get(call));
        }
        if (op == Operation.SYSCTL_PHYSINFO.hypercall()) {
            return sysctl(arg0);
        }
        if (op == Operation.DOMCTL_GETDOMAININFO.hypercall()) {
            return domctl(arg0);
        }
        return -Errno.ENOSYS.number();
    }

    private long xenVersion(long cmd, long arg) {
        Operation what = Operation.of(Operation.XENVER_VERSION.hypercall(), cmd);
        if (what == null) {
            return -Errno.ENOSYS.number();
        }
        int injected = count(what, true);
        if (injected != 0) {
            return -injected;
        }
        if (what == Operation.XENVER_VERSION) {
            return reportedVersion;
        }
        MemorySegment out = pool.resolve(arg, EXTRAVERSION_BYTES);
        if (out == null) {
            return -Errno.EFAULT.number();
        }
        byte[] extra = Arrays.copyOf(host.xenExtra().getBytes(StandardCharsets.US_ASCII), EXTRAVERSION_BYTES - 1);
        out.fill((byte) 0);
        MemorySegment.copy(extra, 0, out, JAVA_BYTE, 0, extra.length);
        return 0;
    }

    private long sysctl(long address) {
        SysctlAbi abi = release.sysctl();
        MemorySegment s = pool.resolve(address, abi.size());
        if (s == null) {
            return -Errno.EFAULT.number();
        }
        Operation what = Operation.of(Operation.SYSCTL_PHYSINFO.hypercall(), abi.cmd.get(s));
        if (what == null) {
            return -Errno.ENOSYS.number();
        }
        int injected = count(what, abi.interfaceVersion.get(s) == abi.version());
        if (injected != 0) {
            return -injected;
        }
        return what == Operation.SYSCTL_PHYSINFO ? physinfo(abi, s) : domainInfoList(abi, s);
    }

    private long physinfo(SysctlAbi abi, MemorySegment s) {
        physinfo.slice(s).fill((byte) 0);
        abi.threadsPerCore.set(s, 1);
        abi.coresPerSocket.set(s, host.onlineCpus());
        abi.nrCpus.set(s, host.onlineCpus());
        abi.maxCpuId.set(s, host.hostCpus() - 1);
        abi.nrNodes.set(s, 1);
        abi.maxNodeId.set(s, 0);
        abi.cpuKhz.set(s, CPU_KHZ);
        abi.capabilities.set(s, PHYSCAP_HVM_PV);
        abi.totalPages.set(s, HOST_PAGES);
        abi.freePages.set(s, HOST_PAGES / 2);
        return 0;
    }

    private long domainInfoList(SysctlAbi abi, MemorySegment s) {
        int first = (int) abi.listFirstDomain.get(s);
        long max = abi.listMaxDomains.get(s);
        List<SimDomain> listed = host.domains().stream().filter(d -> d.id() >= first).limit(max).toList();
        Lie told = lie;
        if (told instanceof Lie.RepeatingDomainList && !listed.isEmpty()) {
            List<SimDomain> repeated = listed;
            listed = IntStream.range(0, (int) Math.min(max, 1 << 16))
                    .mapToObj(i -> repeated.get(i % repeated.size())).toList();
        }
        DomctlAbi.DomainInfoFields info = release.domctl().info;
        if (!listed.isEmpty()) {
            MemorySegment array = pool.resolve(abi.listBuffer.get(s), listed.size() * info.size());
            if (array == null) {
                return -Errno.EFAULT.number();
            }
            for (int i = 0; i < listed.size(); i++) {
                writeDomainInfo(info, array.asSlice(i * info.size(), info.size()), listed.get(i));
            }
            if (told instanceof Lie.LastListedId(int id)) {
                info.domain.set(array.asSlice((listed.size() - 1) * info.size(), info.size()), id);
            }
        }
        abi.listNumDomains.set(s, listed.size());
        return 0;
    }

    private long domctl(long address) {
        DomctlAbi abi = release.domctl();
        MemorySegment d = pool.resolve(address, abi.size());
        if (d == null) {
            return -Errno.EFAULT.number();
        }
        Operation what = Operation.of(Operation.DOMCTL_GETDOMAININFO.hypercall(), abi.cmd.get(d));
        if (what == null) {
            return -Errno.ENOSYS.number();
        }
        int injected = count(what, abi.interfaceVersion.get(d) == abi.version());
        if (injected != 0) {
            return -injected;
        }
        int domid = (int) abi.domain.get(d);
        if (what == Operation.DOMCTL_GETDOMAININFO) {
            return getDomainInfo(abi, d, domid);
        }
        Optional<SimDomain> dom = host.domain(domid);
        if (dom.isEmpty()) {
            return -Errno.ESRCH.number();
        }
        return switch (what) {
            case DOMCTL_GETVCPUINFO -> vcpuInfo(abi, d, dom.get());
            case DOMCTL_GETVCPUAFFINITY -> vcpuAffinity(abi, d, dom.get(), false);
            case DOMCTL_SETVCPUAFFINITY -> vcpuAffinity(abi, d, dom.get(), true);
            case DOMCTL_MAX_VCPUS -> domid == CALLER || abi.maxVcpus.get(d) != dom.get().maxVcpus() ? -Errno.EINVAL.number() : 0;
            default -> -Errno.ENOSYS.number();
        };
    }

    /** Counts the call; returns EACCES for a wrong interface version, else an injected errno or 0. */
    private int count(Operation what, boolean versionMatches) {
        calls.get(what).incrementAndGet();
        if (!versionMatches) {
            return Errno.EACCES.number();
        }
        Failure f = failures.get(what);
        if (f == null) {
            return 0;
        }
        if (f.remaining().get() < 0 || f.remaining().getAndDecrement() > 0) {
            return f.errno();
        }
        failures.remove(what, f);
        return 0;
    }

    private long getDomainInfo(DomctlAbi abi, MemorySegment d, int domid) {
        Optional<SimDomain> found;
        if (behaviour.exactDomainLookup()) {
            found = host.domain(domid);
        } else if (domid >= DOMID_FIRST_RESERVED) {
            return -Errno.EINVAL.number();
        } else {
            // Up to 4.17 Xen answers for the first domain at or above the id asked for.
            found = host.domains().stream().filter(x -> x.id() >= domid).findFirst();
        }
        if (found.isEmpty()) {
            return -Errno.ESRCH.number();
        }
        abi.domain.set(d, found.get().id());
        writeDomainInfo(abi.info, d.asSlice(abi.payloadOffset, abi.info.size()), found.get());
        return 0;
    }

    private void writeDomainInfo(DomctlAbi.DomainInfoFields f, MemorySegment s, SimDomain dom) {
        s.fill((byte) 0);
        boolean anyOnline = false;
        boolean allBlocked = true;
        boolean anyRunning = false;
        for (SimVcpu v : dom.vcpus()) {
            if (v.online()) {
                anyOnline = true;
                allBlocked &= v.blocked();
                anyRunning |= v.running();
            }
        }
        int flags = (anyOnline && allBlocked ? DOMINF_BLOCKED : 0) | (anyOnline && anyRunning ? DOMINF_RUNNING : 0);
        f.domain.set(s, dom.id());
        f.flags.set(s, flags);
        f.totPages.set(s, DOMAIN_PAGES);
        f.maxPages.set(s, DOMAIN_PAGES);
        f.cpuTime.set(s, dom.cpuTimeNs());
        f.nrOnlineVcpus.set(s, dom.onlineVcpus());
        f.maxVcpuId.set(s, lie instanceof Lie.MaxVcpuId(int value) ? value : dom.maxVcpus() - 1);
        ByteBuffer uuid = ByteBuffer.allocate(16)
                .putLong(dom.uuid().getMostSignificantBits()).putLong(dom.uuid().getLeastSignificantBits());
        MemorySegment.copy(uuid.array(), 0, f.handle.slice(s), JAVA_BYTE, 0, 16);
    }

    private long vcpuInfo(DomctlAbi abi, MemorySegment d, SimDomain dom) {
        long n = abi.vcpuinfoVcpu.get(d);
        if (n >= dom.maxVcpus()) {
            return -behaviour.badVcpu().number();
        }
        SimVcpu v = dom.vcpu((int) n);
        abi.vcpuinfoOnline.set(d, v.online() ? 1 : 0);
        abi.vcpuinfoBlocked.set(d, v.blocked() ? 1 : 0);
        abi.vcpuinfoRunning.set(d, v.running() ? 1 : 0);
        abi.vcpuinfoCpuTime.set(d, v.cpuTimeNs());
        abi.vcpuinfoCpu.set(d, v.pcpu());
        return 0;
    }

    private long vcpuAffinity(DomctlAbi abi, MemorySegment d, SimDomain dom, boolean set) {
        long n = abi.affinityVcpu.get(d);
        if (n >= dom.maxVcpus()) {
            return -Errno.EINVAL.number();
        }
        long flags = abi.affinityFlags.get(d);
        boolean hard = (flags & DomctlAbi.VCPUAFFINITY_HARD) != 0;
        boolean soft = (flags & DomctlAbi.VCPUAFFINITY_SOFT) != 0;
        long hardMap = abi.hardBitmap.get(d);
        long hardBits = abi.hardNrBits.get(d);
        long softMap = abi.softBitmap.get(d);
        long softBits = abi.softNrBits.get(d);
        // Xen's vcpuaffinity_params_invalid: no flag at all, or no handle for a map asked for. Other
        // bits alone (XEN_VCPUAFFINITY_FORCE) pass and ask for no map.
        if (flags == 0 || (hard && hardMap == 0) || (soft && softMap == 0)) {
            return -Errno.EINVAL.number();
        }
        SimVcpu v = dom.vcpu((int) n);
        BitSet hardOut = null;
        BitSet softOut = null;
        if (set) {
            BitSet hardIn = hard ? fromGuest(hardMap, hardBits) : null;
            BitSet softIn = soft ? fromGuest(softMap, softBits) : null;
            if ((hard && hardIn == null) || (soft && softIn == null)) {
                return -Errno.EFAULT.number();
            }
            if (hard) {
                try {
                    hardOut = v.setHardAffinity(hardIn);
                } catch (IllegalArgumentException e) {
                    return -Errno.EINVAL.number(); // no online pCPU in the map
                }
            }
            softOut = soft ? v.setSoftAffinity(softIn) : null;
        } else {
            hardOut = hard ? v.hardAffinity() : null;
            softOut = soft ? v.softAffinity() : null;
        }
        // Xen writes every map asked for. Up to 4.19 the last one's result is the call's, so a hard
        // map it could not write goes unreported when the soft one is written; from 4.20 the first
        // failure stands (ReleaseBehaviour.everyMapFaultReported).
        long result = 0;
        if (hard) {
            result = toGuest(hardMap, hardBits, hardOut) ? 0 : -Errno.EFAULT.number();
        }
        if (soft) {
            long softResult = toGuest(softMap, softBits, softOut) ? 0 : -Errno.EFAULT.number();
            result = behaviour.everyMapFaultReported() && result != 0 ? result : softResult;
        }
        return result;
    }

    /** Xen's xenctl_bitmap_to_bitmap: copies what both sides hold, masks bits past nr_bits. */
    private BitSet fromGuest(long address, long nrBits) {
        long guestBytes = (nrBits + 7) / 8;
        long copy = Math.min(guestBytes, xenBytes());
        if (copy == 0) {
            return new BitSet();
        }
        MemorySegment in = pool.resolve(address, copy);
        if (in == null) {
            return null;
        }
        byte[] bytes = in.toArray(JAVA_BYTE);
        if ((nrBits & 7) != 0 && guestBytes == copy) {
            bytes[(int) copy - 1] &= (byte) ((1 << (nrBits & 7)) - 1);
        }
        return BitSet.valueOf(bytes);
    }

    /**
     * Xen's bitmap_to_xenctl_bitmap: copies what both sides hold in whole bytes, zero-fills the rest
     * of the guest's bytes. nr_bits only counts the bytes: Xen clears the bits past its own CPUs,
     * which the host's maps never hold, not those past nr_bits.
     */
    private boolean toGuest(long address, long nrBits, BitSet map) {
        long guestBytes = (nrBits + 7) / 8;
        if (guestBytes == 0) {
            return true;
        }
        MemorySegment out = pool.resolve(address, guestBytes);
        if (out == null) {
            return false;
        }
        long copy = Math.min(guestBytes, xenBytes());
        out.fill((byte) 0);
        // Run by run, straight into the guest's bytes: a 4096-CPU map is usually one run.
        long bits = copy * 8;
        int from = map.nextSetBit(0);
        while (from >= 0 && from < bits) {
            long to = Math.min(bits, map.nextClearBit(from));
            setBits(out, from, to);
            from = to < bits ? map.nextSetBit((int) to) : -1;
        }
        return true;
    }

    /** Sets bits {@code from} to {@code to - 1} of a map in Xen's byte form. */
    private static void setBits(MemorySegment out, long from, long to) {
        while (from < to && (from & 7) != 0) {
            setBit(out, from++);
        }
        long wholeBytes = (to - from) / 8;
        out.asSlice(from / 8, wholeBytes).fill((byte) 0xFF);
        for (from += wholeBytes * 8; from < to; from++) {
            setBit(out, from);
        }
    }

    private static void setBit(MemorySegment out, long bit) {
        out.set(JAVA_BYTE, bit / 8, (byte) (out.get(JAVA_BYTE, bit / 8) | 1 << (bit & 7)));
    }

    private long xenBytes() {
        return (host.hostCpus() + 7) / 8;
    }

    @Override
    public synchronized void close() {
        pool.close();
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
