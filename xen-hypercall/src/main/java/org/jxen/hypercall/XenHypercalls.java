package org.jxen.hypercall;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jxen.hypercall.abi.DomctlAbi;
import org.jxen.hypercall.abi.Field;
import org.jxen.hypercall.abi.Layouts;
import org.jxen.hypercall.abi.SysctlAbi;
import org.jxen.hypercall.abi.XenRelease;

/**
 * The hypercalls jxen needs, encoded for the Xen release found on the device: xen_version, sysctl
 * physinfo and getdomaininfolist, domctl getdomaininfo, getvcpuinfo, get/setvcpuaffinity and
 * max_vcpus. {@link #connect} reads XENVER_version and then probes the domctl and sysctl interface
 * versions, that release's first, because Xen refuses a mismatched version with EACCES before doing
 * anything. Cpumaps are Xen's bytes (byte i holds CPUs 8i to 8i+7, lowest CPU in the least
 * significant bit), {@link #cpumapBytes()} long. Thread-safe: each call leases its own buffer.
 */
public final class XenHypercalls {

    /** How often EINTR or EAGAIN is retried before it is reported. */
    private static final int RETRIES = 16;
    /** DOMID_FIRST_RESERVED: ids from here on (DOMID_SELF, ...) are not domains. */
    private static final int DOMID_FIRST_RESERVED = 0x7FF0;
    /** XENVER_extraversion fills a {@code char[16]}. */
    private static final int EXTRAVERSION_BYTES = 16;
    private static final ValueLayout.OfLong BIG_ENDIAN_LONG = JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private static final Field OP = Field.of(Layouts.PRIVCMD_HYPERCALL, "op");
    private static final Field ARG0 = Field.of(Layouts.PRIVCMD_HYPERCALL, "arg[0]");
    private static final Field ARG1 = Field.of(Layouts.PRIVCMD_HYPERCALL, "arg[1]");

    private final PrivcmdDevice device;
    private final XenVersion version;
    private final DomctlAbi domctl;
    private final SysctlAbi sysctl;
    private final int cpumapBytes;

    private XenHypercalls(PrivcmdDevice device, XenVersion version, DomctlAbi domctl, SysctlAbi sysctl, int cpumapBytes) {
        this.device = device;
        this.version = version;
        this.domctl = domctl;
        this.sysctl = sysctl;
        this.cpumapBytes = cpumapBytes;
    }

    /**
     * Finds the Xen version and the interface versions the hypervisor accepts.
     *
     * @param device the privcmd device; it stays the caller's to close
     * @return the hypercalls for that hypervisor
     * @throws HypercallException when a hypercall fails, or with EACCES when no supported
     *     interface version is accepted
     */
    public static XenHypercalls connect(PrivcmdDevice device) {
        Objects.requireNonNull(device, "device");
        long raw;
        try (HypercallBuffer buf = device.lease(0)) {
            raw = call(device, buf, Operation.XENVER_VERSION, Operation.XENVER_VERSION.subop(), 0, HypercallException.NONE, HypercallException.NONE);
        }
        int major = (int) (raw >>> 16);
        int minor = (int) (raw & 0xFFFF);
        XenVersion version = new XenVersion(major, minor, extraVersion(device));
        List<XenRelease> candidates = XenRelease.candidates(major, minor);

        Set<Integer> tried = new LinkedHashSet<>();
        for (XenRelease r : candidates) {
            if (!tried.add(r.sysctl().version())) {
                continue;
            }
            PhysInfo phys;
            try {
                phys = physInfo(device, r.sysctl());
            } catch (HypercallException e) {
                if (e.errnoNumber() == Errno.EACCES.number()) {
                    continue;
                }
                throw e;
            }
            return new XenHypercalls(device, version, probeDomctl(device, version, candidates), r.sysctl(),
                    phys.cpumapBytes());
        }
        throw new HypercallException(Operation.SYSCTL_PHYSINFO, HypercallException.NONE, HypercallException.NONE,
                Errno.EACCES.number(), "Xen " + version + " accepts none of the sysctl interface versions " + hex(tried));
    }

    private static DomctlAbi probeDomctl(PrivcmdDevice device, XenVersion version, List<XenRelease> candidates) {
        Set<Integer> tried = new LinkedHashSet<>();
        for (XenRelease r : candidates) {
            if (!tried.add(r.domctl().version())) {
                continue;
            }
            // Any answer but EACCES (even ESRCH for a missing domain 0) means the version was accepted.
            try (HypercallBuffer buf = device.lease(r.domctl().size())) {
                domctl(device, r.domctl(), buf, Operation.DOMCTL_GETDOMAININFO, 0, HypercallException.NONE);
                return r.domctl();
            } catch (HypercallException e) {
                if (e.errnoNumber() != Errno.EACCES.number()) {
                    return r.domctl();
                }
            }
        }
        throw new HypercallException(Operation.DOMCTL_GETDOMAININFO, HypercallException.NONE, HypercallException.NONE,
                Errno.EACCES.number(), "Xen " + version + " accepts none of the domctl interface versions " + hex(tried));
    }

    private static String hex(Set<Integer> versions) {
        return versions.stream().map(v -> String.format("0x%02x", v)).toList().toString();
    }

    private static String extraVersion(PrivcmdDevice device) {
        try (HypercallBuffer buf = device.lease(EXTRAVERSION_BYTES)) {
            MemorySegment s = buf.data();
            call(device, buf, Operation.XENVER_EXTRAVERSION, Operation.XENVER_EXTRAVERSION.subop(), s.address(),
                    HypercallException.NONE, HypercallException.NONE);
            int n = 0;
            while (n < EXTRAVERSION_BYTES && s.get(JAVA_BYTE, n) != 0) {
                n++;
            }
            return new String(s.asSlice(0, n).toArray(JAVA_BYTE), StandardCharsets.US_ASCII);
        }
    }

    /**
     * Returns the hypervisor's version.
     *
     * @return e.g. 4.17.0
     */
    public XenVersion version() {
        return version;
    }

    /**
     * Returns the interface versions found by probing.
     *
     * @return the domctl and sysctl versions in use
     */
    public InterfaceVersions interfaceVersions() {
        return new InterfaceVersions(domctl.version(), sysctl.version());
    }

    /**
     * Returns the size of this host's cpumaps, from physinfo's max_cpu_id at connect time (Xen
     * fixes it at boot).
     *
     * @return bytes
     */
    public int cpumapBytes() {
        return cpumapBytes;
    }

    /**
     * Reads the host: XEN_SYSCTL_physinfo.
     *
     * @return the host's CPUs, nodes and memory
     */
    public PhysInfo physInfo() {
        return physInfo(device, sysctl);
    }

    private static PhysInfo physInfo(PrivcmdDevice device, SysctlAbi sysctl) {
        try (HypercallBuffer buf = device.lease(sysctl.size())) {
            MemorySegment s = buf.data();
            sysctl(device, sysctl, buf, Operation.SYSCTL_PHYSINFO);
            return new PhysInfo((int) sysctl.threadsPerCore.get(s), (int) sysctl.coresPerSocket.get(s),
                    (int) sysctl.nrCpus.get(s), (int) sysctl.maxCpuId.get(s), (int) sysctl.nrNodes.get(s),
                    (int) sysctl.maxNodeId.get(s), (int) sysctl.cpuKhz.get(s), (int) sysctl.capabilities.get(s),
                    sysctl.totalPages.get(s), sysctl.freePages.get(s));
        }
    }

    /**
     * Lists domains: XEN_SYSCTL_getdomaininfolist.
     *
     * @param firstDomain the lowest domain id to list
     * @param maxDomains at most this many, 1 or more
     * @return the domains with ids from {@code firstDomain} on, in id order
     */
    public List<DomainInfo> domainInfoList(int firstDomain, int maxDomains) {
        checkDomain(firstDomain);
        if (maxDomains < 1 || maxDomains > DOMID_FIRST_RESERVED) {
            throw new IllegalArgumentException("maxDomains " + maxDomains + " is outside 1.." + DOMID_FIRST_RESERVED);
        }
        DomctlAbi.DomainInfoFields info = domctl.info;
        long arrayAt = sysctl.size();
        try (HypercallBuffer buf = device.lease(arrayAt + maxDomains * info.size())) {
            MemorySegment s = buf.data();
            sysctl.listFirstDomain.set(s, firstDomain);
            sysctl.listMaxDomains.set(s, maxDomains);
            sysctl.listBuffer.set(s, s.address() + arrayAt);
            sysctl(device, sysctl, buf, Operation.SYSCTL_GETDOMAININFOLIST);
            int n = (int) Math.min(sysctl.listNumDomains.get(s), maxDomains);
            List<DomainInfo> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(domainInfo(info, s.asSlice(arrayAt + i * info.size(), info.size())));
            }
            return List.copyOf(list);
        }
    }

    /**
     * Reads one domain: XEN_DOMCTL_getdomaininfo. Up to Xen 4.17 Xen answers for the next higher
     * domain when the one asked for is gone; that is reported as ESRCH here, as Xen 4.18 does.
     *
     * @param domain the domain id
     * @return its information
     * @throws HypercallException ESRCH when there is no such domain
     */
    public DomainInfo domainInfo(int domain) {
        checkDomain(domain);
        try (HypercallBuffer buf = device.lease(domctl.size())) {
            MemorySegment d = buf.data();
            domctl(device, domctl, buf, Operation.DOMCTL_GETDOMAININFO, domain, HypercallException.NONE);
            DomainInfo info = domainInfo(domctl.info, d.asSlice(domctl.payloadOffset, domctl.info.size()));
            if (info.domain() != domain) {
                throw new HypercallException(Operation.DOMCTL_GETDOMAININFO, domain, HypercallException.NONE, Errno.ESRCH.number(),
                        "no such domain (Xen answered for domain " + info.domain() + ")");
            }
            return info;
        }
    }

    private static DomainInfo domainInfo(DomctlAbi.DomainInfoFields f, MemorySegment s) {
        MemorySegment handle = f.handle.slice(s);
        return new DomainInfo((int) f.domain.get(s), (int) f.flags.get(s), f.totPages.get(s), f.maxPages.get(s),
                f.cpuTime.get(s), (int) f.nrOnlineVcpus.get(s), (int) f.maxVcpuId.get(s),
                new UUID(handle.get(BIG_ENDIAN_LONG, 0), handle.get(BIG_ENDIAN_LONG, 8)), (int) f.cpupool.get(s));
    }

    /**
     * Reads one vCPU: XEN_DOMCTL_getvcpuinfo.
     *
     * @param domain the domain id
     * @param vcpu the vCPU number, 0 or more
     * @return its state
     * @throws HypercallException ESRCH for no such domain; EINVAL (ENOENT on Xen 4.22) for a vCPU
     *     the domain does not have
     */
    public VcpuInfo vcpuInfo(int domain, int vcpu) {
        checkDomain(domain);
        checkVcpu(vcpu);
        try (HypercallBuffer buf = device.lease(domctl.size())) {
            MemorySegment d = buf.data();
            issueVcpuInfo(buf, domain, vcpu);
            return new VcpuInfo(vcpu, domctl.vcpuinfoOnline.get(d) != 0, domctl.vcpuinfoBlocked.get(d) != 0,
                    domctl.vcpuinfoRunning.get(d) != 0, domctl.vcpuinfoCpuTime.get(d), (int) domctl.vcpuinfoCpu.get(d));
        }
    }

    /**
     * Reads one of a vCPU's affinities as last set: XEN_DOMCTL_getvcpuaffinity with that map's flag
     * alone. For both maps {@link #vcpuAffinities} costs one domctl, not two.
     *
     * @param domain the domain id
     * @param vcpu the vCPU number, 0 or more
     * @param which hard or soft
     * @return the cpumap, {@link #cpumapBytes()} long
     */
    public byte[] vcpuAffinity(int domain, int vcpu, Affinity which) {
        checkDomain(domain);
        checkVcpu(vcpu);
        Objects.requireNonNull(which, "which");
        long mapAt = domctl.size();
        try (HypercallBuffer buf = device.lease(mapAt + cpumapBytes)) {
            MemorySegment d = buf.data();
            affinityRequest(d, vcpu, which, mapAt);
            domctl(device, domctl, buf, Operation.DOMCTL_GETVCPUAFFINITY, domain, vcpu);
            return copyMap(d, mapAt, new byte[cpumapBytes]);
        }
    }

    /**
     * Reads both of a vCPU's affinities, as last set, in one XEN_DOMCTL_getvcpuaffinity: with flags
     * HARD|SOFT Xen fills both maps in the one call, as libxenctrl's xc_vcpu_getaffinity asks for
     * them, where {@link #vcpuAffinity} costs a domctl a map.
     *
     * @param domain the domain id
     * @param vcpu the vCPU number, 0 or more
     * @return both cpumaps, each {@link #cpumapBytes()} long
     * @throws HypercallException ESRCH for no such domain; EINVAL for a vCPU the domain does not have
     */
    public VcpuAffinities vcpuAffinities(int domain, int vcpu) {
        checkDomain(domain);
        checkVcpu(vcpu);
        long hardAt = domctl.size();
        long softAt = hardAt + cpumapBytes;
        try (HypercallBuffer buf = device.lease(softAt + cpumapBytes)) {
            MemorySegment d = buf.data();
            issueBothAffinities(buf, domain, vcpu, hardAt, softAt);
            return new VcpuAffinities(copyMap(d, hardAt, new byte[cpumapBytes]), copyMap(d, softAt, new byte[cpumapBytes]));
        }
    }

    /**
     * Reads vCPUs 0 to {@code count - 1} of a domain as {@link #vcpuInfo} and, when asked,
     * {@link #vcpuAffinities} do, one or two domctls a vCPU, in one lease for them all: a domain's
     * worth of vCPUs costs one lease and two map arrays, not a lease, a result and two arrays per
     * domctl.
     *
     * @param domain the domain id
     * @param count how many vCPUs, 0 or more
     * @param withAffinity whether to read both affinities too (one getvcpuaffinity a vCPU)
     * @param reader receives each vCPU in order; its maps are null without affinity
     * @throws HypercallException ESRCH for no such domain; EINVAL (getvcpuinfo on Xen 4.22: ENOENT)
     *     for a vCPU the domain does not have; nothing more is read after a failure
     */
    public void vcpus(int domain, int count, boolean withAffinity, VcpuReader reader) {
        checkDomain(domain);
        if (count < 0) {
            throw new IllegalArgumentException("vCPU count " + count + " is negative");
        }
        Objects.requireNonNull(reader, "reader");
        long hardAt = domctl.size();
        long softAt = hardAt + cpumapBytes;
        byte[] hard = withAffinity ? new byte[cpumapBytes] : null;
        byte[] soft = withAffinity ? new byte[cpumapBytes] : null;
        try (HypercallBuffer buf = device.lease(withAffinity ? softAt + cpumapBytes : hardAt)) {
            MemorySegment d = buf.data();
            MemorySegment struct = d.asSlice(0, hardAt);
            for (int vcpu = 0; vcpu < count; vcpu++) {
                struct.fill((byte) 0); // each domctl starts from a zeroed struct, as from a fresh lease
                issueVcpuInfo(buf, domain, vcpu);
                boolean online = domctl.vcpuinfoOnline.get(d) != 0;
                boolean blocked = domctl.vcpuinfoBlocked.get(d) != 0;
                long cpuTime = domctl.vcpuinfoCpuTime.get(d);
                int cpu = (int) domctl.vcpuinfoCpu.get(d);
                if (withAffinity) {
                    struct.fill((byte) 0);
                    issueBothAffinities(buf, domain, vcpu, hardAt, softAt);
                    copyMap(d, hardAt, hard);
                    copyMap(d, softAt, soft);
                }
                reader.vcpu(vcpu, online, blocked, cpuTime, cpu, hard, soft);
            }
        }
    }

    /** Writes and issues a getvcpuinfo into a lease's zeroed struct; the answer is read from there. */
    private void issueVcpuInfo(HypercallBuffer buf, int domain, int vcpu) {
        domctl.vcpuinfoVcpu.set(buf.data(), vcpu);
        domctl(device, domctl, buf, Operation.DOMCTL_GETVCPUINFO, domain, vcpu);
    }

    /**
     * Writes and issues a getvcpuaffinity for both maps (flags HARD|SOFT, as libxenctrl asks) into a
     * lease's zeroed struct; Xen writes the maps at {@code hardAt} and {@code softAt}.
     */
    private void issueBothAffinities(HypercallBuffer buf, int domain, int vcpu, long hardAt, long softAt) {
        MemorySegment d = buf.data();
        domctl.affinityVcpu.set(d, vcpu);
        domctl.affinityFlags.set(d, DomctlAbi.VCPUAFFINITY_HARD | DomctlAbi.VCPUAFFINITY_SOFT);
        cpumapHandle(d, Affinity.HARD, hardAt);
        cpumapHandle(d, Affinity.SOFT, softAt);
        domctl(device, domctl, buf, Operation.DOMCTL_GETVCPUAFFINITY, domain, vcpu);
    }

    /**
     * Sets a vCPU's affinity: XEN_DOMCTL_setvcpuaffinity. Xen writes back the effective map: the
     * request restricted to the online pCPUs (and, for soft, to the hard affinity).
     *
     * @param domain the domain id
     * @param vcpu the vCPU number, 0 or more
     * @param which hard or soft
     * @param cpumap the CPUs, at most {@link #cpumapBytes()} long; missing bytes count as zero
     * @return the effective map, {@link #cpumapBytes()} long
     * @throws IllegalArgumentException when the map is longer than this host's
     * @throws HypercallException EINVAL when a hard map holds no online pCPU
     */
    public byte[] setVcpuAffinity(int domain, int vcpu, Affinity which, byte[] cpumap) {
        byte[] effective = new byte[cpumapBytes];
        setVcpuAffinity(domain, vcpu, which, cpumap, effective);
        return effective;
    }

    /**
     * Sets a vCPU's affinity as {@link #setVcpuAffinity(int, int, Affinity, byte[])} does, writing the
     * effective map into the caller's array, which may be {@code cpumap} itself (Xen writes it back
     * over the request).
     *
     * @param domain the domain id
     * @param vcpu the vCPU number, 0 or more
     * @param which hard or soft
     * @param cpumap the CPUs, at most {@link #cpumapBytes()} long; missing bytes count as zero
     * @param effective receives the effective map in its first {@link #cpumapBytes()} bytes
     * @throws IllegalArgumentException when {@code cpumap} is longer than this host's map or
     *     {@code effective} shorter
     * @throws HypercallException EINVAL when a hard map holds no online pCPU
     */
    public void setVcpuAffinity(int domain, int vcpu, Affinity which, byte[] cpumap, byte[] effective) {
        checkDomain(domain);
        checkVcpu(vcpu);
        Objects.requireNonNull(which, "which");
        Objects.requireNonNull(cpumap, "cpumap");
        Objects.requireNonNull(effective, "effective");
        if (cpumap.length > cpumapBytes || effective.length < cpumapBytes) {
            throw new IllegalArgumentException("cpumap of " + cpumap.length + " bytes, effective map of " + effective.length
                    + " bytes: this host's maps are " + cpumapBytes + " bytes");
        }
        long mapAt = domctl.size();
        try (HypercallBuffer buf = device.lease(mapAt + cpumapBytes)) {
            MemorySegment d = buf.data();
            MemorySegment.copy(cpumap, 0, d, JAVA_BYTE, mapAt, cpumap.length);
            affinityRequest(d, vcpu, which, mapAt);
            domctl(device, domctl, buf, Operation.DOMCTL_SETVCPUAFFINITY, domain, vcpu);
            copyMap(d, mapAt, effective);
        }
    }

    /** Asks for one map: its flag alone, so Xen neither reads nor writes the other map. */
    private void affinityRequest(MemorySegment d, int vcpu, Affinity which, long mapAt) {
        domctl.affinityVcpu.set(d, vcpu);
        boolean hard = which == Affinity.HARD;
        domctl.affinityFlags.set(d, hard ? DomctlAbi.VCPUAFFINITY_HARD : DomctlAbi.VCPUAFFINITY_SOFT);
        cpumapHandle(d, which, mapAt);
    }

    /**
     * Points a map's xenctl_bitmap at {@link #cpumapBytes} of this lease from {@code mapAt} on:
     * Xen reads or writes at most nr_bits there, zero-filling the bytes past its own map.
     */
    private void cpumapHandle(MemorySegment d, Affinity which, long mapAt) {
        boolean hard = which == Affinity.HARD;
        (hard ? domctl.hardBitmap : domctl.softBitmap).set(d, d.address() + mapAt);
        (hard ? domctl.hardNrBits : domctl.softNrBits).set(d, cpumapBytes * 8L);
    }

    /**
     * Issues XEN_DOMCTL_max_vcpus. On a running domain (Xen 4.12 on) it succeeds only with the
     * maximum fixed at creation and changes nothing: it cannot set the number of online vCPUs.
     *
     * @param domain the domain id
     * @param max the maximum number of vCPUs, 1 or more
     * @throws HypercallException EINVAL when {@code max} differs from the domain's maximum
     */
    public void maxVcpus(int domain, int max) {
        checkDomain(domain);
        if (max < 1) {
            throw new IllegalArgumentException("max_vcpus " + max + " is less than 1");
        }
        try (HypercallBuffer buf = device.lease(domctl.size())) {
            domctl.maxVcpus.set(buf.data(), max);
            domctl(device, domctl, buf, Operation.DOMCTL_MAX_VCPUS, domain, HypercallException.NONE);
        }
    }

    /**
     * Copies the cpumap Xen wrote at {@code at} into the first {@link #cpumapBytes} bytes of
     * {@code into}, the one way maps leave a buffer. Not {@code asSlice(..).toArray(..)}: that makes
     * a slice and asks the array class for its simple name on every call (a lab profile in dom0
     * found it).
     */
    private byte[] copyMap(MemorySegment data, long at, byte[] into) {
        MemorySegment.copy(data, JAVA_BYTE, at, into, 0, cpumapBytes);
        return into;
    }

    private static void checkDomain(int domain) {
        if (domain < 0 || domain >= DOMID_FIRST_RESERVED) {
            throw new IllegalArgumentException("domain id " + domain + " is outside 0.." + (DOMID_FIRST_RESERVED - 1));
        }
    }

    private static void checkVcpu(int vcpu) {
        if (vcpu < 0) {
            throw new IllegalArgumentException("vCPU " + vcpu + " is negative");
        }
    }

    private static void domctl(PrivcmdDevice device, DomctlAbi abi, HypercallBuffer buf, Operation op, int domain, int vcpu) {
        MemorySegment d = buf.data();
        abi.cmd.set(d, op.subop());
        abi.interfaceVersion.set(d, abi.version());
        abi.domain.set(d, domain);
        call(device, buf, op, d.address(), 0, domain, vcpu);
    }

    private static void sysctl(PrivcmdDevice device, SysctlAbi abi, HypercallBuffer buf, Operation op) {
        MemorySegment s = buf.data();
        abi.cmd.set(s, op.subop());
        abi.interfaceVersion.set(s, abi.version());
        call(device, buf, op, s.address(), 0, HypercallException.NONE, HypercallException.NONE);
    }

    /** Writes privcmd_hypercall and issues it, retrying EINTR and EAGAIN a bounded number of times. */
    private static long call(PrivcmdDevice device, HypercallBuffer buf, Operation op, long arg0, long arg1,
            int domain, int vcpu) {
        MemorySegment call = buf.call();
        OP.set(call, op.hypercall());
        ARG0.set(call, arg0);
        ARG1.set(call, arg1);
        for (int attempt = 0; ; attempt++) {
            long result = device.hypercall(buf);
            if (result >= 0) {
                return result;
            }
            int errno = (int) -result;
            if ((errno != Errno.EINTR.number() && errno != Errno.EAGAIN.number()) || attempt == RETRIES) {
                throw new HypercallException(op, domain, vcpu, errno, null);
            }
        }
    }
}
