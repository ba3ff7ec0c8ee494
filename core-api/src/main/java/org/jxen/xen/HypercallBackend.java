package org.jxen.xen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.jxen.Backend;
import org.jxen.CpuMap;
import org.jxen.DomainIdentity;
import org.jxen.DomainVcpus;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.NodeInfo;
import org.jxen.VcpuCount;
import org.jxen.VcpuInfo;
import org.jxen.VcpuSample;
import org.jxen.VcpuSnapshot;
import org.jxen.VcpuState;
import org.jxen.hypercall.Affinity;
import org.jxen.hypercall.DomainInfo;
import org.jxen.hypercall.Errno;
import org.jxen.hypercall.HypercallException;
import org.jxen.hypercall.InterfaceVersions;
import org.jxen.hypercall.PhysInfo;
import org.jxen.hypercall.XenHypercalls;

/**
 * The vCPU operations over privcmd hypercalls, with Xen's errnos turned into {@link ErrorCode}s.
 * When no device could be opened every call fails with NO_SUPPORT, so the fallback policy moves on.
 */
final class HypercallBackend {

    /** getdomaininfolist batch: the size libxl uses. */
    private static final int LIST_BATCH = 1024;
    /**
     * A sanity bound on a domain's vCPUs, far above any domain Xen builds: it keeps a corrupt
     * {@code max_vcpu_id} from sizing an all-domains read.
     */
    private static final int MAX_VCPUS = 65_536;

    private final BackendClient<XenHypercalls> hypercalls;

    HypercallBackend(BackendClient<XenHypercalls> hypercalls) {
        this.hypercalls = hypercalls;
    }

    /** What this backend is: "available", or why it is not. */
    String why() {
        return hypercalls.why();
    }

    /** The interface versions probed at connect; empty without a device. */
    Optional<InterfaceVersions> interfaceVersions() {
        return hypercalls.available() ? Optional.of(xen().interfaceVersions()) : Optional.empty();
    }

    private XenHypercalls xen() {
        return hypercalls.get();
    }

    NodeInfo nodeInfo() {
        XenHypercalls x = xen();
        try {
            PhysInfo p = x.physInfo();
            // physinfo's fields are unsigned: read them as such before bounding them.
            return new HostReport(Backend.HYPERCALL, Integer.toUnsignedLong(p.nrCpus()), Integer.toUnsignedLong(p.maxCpuId()),
                    Integer.toUnsignedLong(p.nrNodes()), Integer.toUnsignedLong(p.coresPerSocket()),
                    Integer.toUnsignedLong(p.threadsPerCore()), Integer.toUnsignedLong(p.cpuKhz()) / 1000,
                    HostReport.kib(p.totalPages(), 4),
                    x.version().toString()).toNodeInfo();
        } catch (HypercallException e) {
            throw failure("read the host's CPUs", e);
        }
    }

    /** Every domain Xen has, in id order. */
    List<DomainInfo> domains() {
        XenHypercalls x = xen();
        List<DomainInfo> all = new ArrayList<>();
        try {
            int next = 0;
            while (true) {
                List<DomainInfo> batch = x.domainInfoList(next, LIST_BATCH);
                // Ids must rise within and across batches, below the reserved ones: a list that
                // does not would make the next batch start where this one did, for ever.
                int last = next - 1;
                for (DomainInfo d : batch) {
                    if (d.domain() <= last || d.domain() > DomainIdentity.MAX_ID) {
                        throw new JxenException(ErrorCode.OPERATION_FAILED, "Xen listed domain " + d.domain()
                                + " in a list from domain " + next + "; expected rising ids in " + (last + 1) + "-"
                                + DomainIdentity.MAX_ID, Backend.HYPERCALL, null, null);
                    }
                    last = d.domain();
                }
                all.addAll(batch);
                if (batch.size() < LIST_BATCH) {
                    return all;
                }
                next = last + 1;
            }
        } catch (HypercallException e) {
            throw failure("list domains", e);
        }
    }

    /** One domain by id; NO_DOMAIN when there is none. */
    DomainInfo domain(int id) {
        XenHypercalls x = xen();
        try {
            return x.domainInfo(id);
        } catch (HypercallException e) {
            if (e.errno().orElse(null) == Errno.ESRCH) {
                throw new JxenException(ErrorCode.NO_DOMAIN, "no domain with id " + id, Backend.HYPERCALL, "ESRCH", e);
            }
            throw failure("look up domain " + id, e);
        }
    }

    /** The domain still holding {@code target}'s id and UUID; NO_DOMAIN once it is gone. */
    DomainInfo checked(Target target) {
        DomainInfo info;
        try {
            info = domain(target.id());
        } catch (JxenException e) {
            if (e.code() == ErrorCode.NO_DOMAIN) {
                throw target.gone(e);
            }
            throw e;
        }
        if (!info.handle().equals(target.uuid())) {
            throw target.gone(Backend.HYPERCALL);
        }
        return info;
    }

    VcpuCount vcpuCount(Target target) {
        DomainInfo info = checked(target);
        return new VcpuCount(info.nrOnlineVcpus(), vcpuSlots(info));
    }

    /**
     * A domain's vCPU structures, max_vcpu_id + 1, bounded before anything is sized by it: a
     * corrupt answer would otherwise allocate an array of its size.
     */
    private static int vcpuSlots(DomainInfo d) {
        int count = d.maxVcpuId() + 1;
        if (count < 1 || count > MAX_VCPUS) {
            throw new JxenException(ErrorCode.OPERATION_FAILED, "Xen reported max_vcpu_id " + d.maxVcpuId()
                    + " for domain " + d.domain() + "; expected 0-" + (MAX_VCPUS - 1), Backend.HYPERCALL, null, null);
        }
        return count;
    }

    List<VcpuInfo> vcpus(Target target) {
        XenHypercalls x = xen();
        int count = vcpuSlots(checked(target));
        List<VcpuInfo> vcpus;
        try {
            vcpus = read(x, target.id(), count, true, VcpuInfo::new);
        } catch (HypercallException e) {
            throw failure("read the vCPUs of " + target, e);
        }
        // Still the same domain at the end, so the answer is never half another domain's.
        checked(target);
        return vcpus;
    }

    /** Makes one vCPU's value from what Xen answered; maps are null when not read. */
    @FunctionalInterface
    private interface VcpuMaker<T> {
        T make(int vcpu, VcpuState state, long cpuTimeNs, int cpu, CpuMap hard, CpuMap soft);
    }

    /**
     * A domain's vCPUs in one lease (getvcpuinfo and, when asked, one getvcpuaffinity for both maps
     * a vCPU, as libxenctrl asks). A map is decoded only when it differs from the last one read, so
     * vCPUs that share their maps (the usual case) share one CpuMap, and a soft map equal to the
     * hard one is that one.
     */
    private static <T> List<T> read(XenHypercalls x, int domain, int count, boolean withAffinity, VcpuMaker<T> maker) {
        List<T> vcpus = new ArrayList<>(count);
        LastMap hard = new LastMap(x.cpumapBytes());
        LastMap soft = new LastMap(x.cpumapBytes());
        x.vcpus(domain, count, withAffinity, (i, online, blocked, cpuTime, cpu, hardBytes, softBytes) -> {
            CpuMap hardMap = withAffinity ? hard.decode(hardBytes) : null;
            CpuMap softMap = !withAffinity ? null : Arrays.equals(softBytes, hardBytes) ? hardMap : soft.decode(softBytes);
            vcpus.add(maker.make(i, VcpuState.of(online, blocked), cpuTime, online ? cpu : -1, hardMap, softMap));
        });
        return Collections.unmodifiableList(vcpus);
    }

    /** The last map decoded, with the bytes it came from. */
    private static final class LastMap {
        private final byte[] bytes;
        private CpuMap map;

        LastMap(int mapBytes) {
            bytes = new byte[mapBytes];
        }

        CpuMap decode(byte[] read) {
            if (map == null || !Arrays.equals(read, bytes)) {
                map = CpuMap.fromBytes(read, read.length);
                System.arraycopy(read, 0, bytes, 0, read.length);
            }
            return map;
        }
    }

    /**
     * Every domain's vCPUs: the domain list (one getdomaininfolist per {@value #LIST_BATCH}
     * domains), then a getvcpuinfo per vCPU and, when asked, a getvcpuaffinity for both maps. A
     * domain whose vCPUs answer ESRCH was destroyed since the list and is left out; Xen hands out
     * domain ids in increasing order, so its id is not someone else's within one pass.
     */
    VcpuSnapshot snapshot(boolean withAffinity, IntFunction<String> names) {
        List<DomainInfo> domains = domains();
        XenHypercalls x = xen();
        long takenAt = System.nanoTime();
        List<DomainVcpus> all = new ArrayList<>(domains.size());
        for (DomainInfo d : domains) {
            int count = vcpuSlots(d);
            DomainIdentity identity = new DomainIdentity(d.domain(), names.apply(d.domain()), d.handle());
            try {
                all.add(new DomainVcpus(identity, System.nanoTime(), read(x, d.domain(), count, withAffinity,
                        (i, state, cpuTime, cpu, hard, soft) -> new VcpuSample(i, state, cpuTime, cpu,
                                Optional.ofNullable(hard), Optional.ofNullable(soft)))));
            } catch (HypercallException e) {
                if (e.errno().orElse(null) != Errno.ESRCH) {
                    throw failure("read the vCPUs of domain " + identity.name(), e);
                }
            }
        }
        return new VcpuSnapshot(takenAt, all);
    }

    /**
     * Sets an affinity and returns the map Xen made effective. The caller has just checked the
     * domain's identity (reading its maximum), so this costs one hypercall.
     */
    CpuMap pin(Target target, int vcpu, Affinity which, CpuMap cpus) {
        XenHypercalls x = xen();
        byte[] map = new byte[x.cpumapBytes()];
        cpus.copyInto(map, 0, map.length);
        try {
            x.setVcpuAffinity(target.id(), vcpu, which, map, map); // Xen writes the effective map over the request
            return CpuMap.fromBytes(map, map.length);
        } catch (HypercallException e) {
            throw failure("pin vCPU " + vcpu + " of " + target + " to CPUs " + cpus, e);
        }
    }

    /** Turns Xen's errno into the API's code: Xen's answer, except for "not implemented". */
    static JxenException failure(String operation, HypercallException e) {
        ErrorCode code = switch (e.errno().orElse(null)) {
            case ESRCH -> ErrorCode.NO_DOMAIN;
            case EPERM, EACCES -> ErrorCode.OPERATION_DENIED;
            case EINVAL, ENOENT, ERANGE -> ErrorCode.INVALID_ARG;
            case ENOSYS, EOPNOTSUPP -> ErrorCode.NO_SUPPORT;
            case null, default -> ErrorCode.OPERATION_FAILED;
        };
        return new JxenException(code, "cannot " + operation + ": " + e.getMessage(), Backend.HYPERCALL,
                e.errnoName(), e);
    }
}
