package org.jxen.xen;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
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
import org.jxen.xend.XendClient;
import org.jxen.xend.XendDomain;
import org.jxen.xend.XendException;
import org.jxen.xend.XendNode;
import org.jxen.xend.XendVcpu;

/**
 * The vCPU operations through the legacy xend, the last resort. Domains are addressed by UUID, so
 * a name or id taken over by another domain is never acted on. xend has no soft affinity, and
 * only its format 4 (xend 3.1 to 4.4) takes pins as jxen sends them.
 */
final class XendBackend {

    /** xend_config_format from which op=pincpu takes a comma-separated CPU list (xend 3.1). */
    private static final int PIN_FORMAT = 4;

    private final BackendClient<XendClient> xend;
    /** xend_config_format, 0 until read: a fact of the xend binary, so read once. */
    private volatile int format;

    XendBackend(BackendClient<XendClient> xend) {
        this.xend = xend;
    }

    /** What this backend is: "available", or why it is not. */
    String why() {
        return xend.why();
    }

    private XendClient client() {
        return xend.get();
    }

    /** The host as xend describes it now; what is cached from it is the connection's business. */
    private XendNode node() {
        return call("read the host", () -> client().node());
    }

    /** The xend_config_format, read with the first pin. */
    private int format() {
        int f = format;
        if (f == 0) {
            f = node().xendConfigFormat();
            format = f;
        }
        return f;
    }

    NodeInfo nodeInfo() {
        XendNode n = node();
        // xend reports no max_cpu_id: its maps cover the CPUs it counts.
        return new HostReport(Backend.XEND, n.nrCpus(), n.nrCpus() - 1L, n.nrNodes(), n.coresPerSocket(),
                n.threadsPerCore(), n.cpuMhz(), HostReport.kib(n.totalMemoryMiB(), 1024),
                n.xenMajor() + "." + n.xenMinor() + n.xenExtra()).toNodeInfo();
    }

    /** The running domains in id order (xend also lists inactive managed ones, which have no id). */
    List<DomainIdentity> domains() {
        return call("list domains", () -> client().domains()).stream()
                .filter(d -> d.domid().isPresent())
                .map(XendBackend::identity)
                .sorted(Comparator.comparingInt(DomainIdentity::id))
                .toList();
    }

    /** A running domain by name, id in decimal or UUID. */
    DomainIdentity lookup(String key) {
        XendDomain d = call("look up domain '" + key + "'", () -> client().domain(key));
        if (d.domid().isEmpty()) {
            throw new JxenException(ErrorCode.NO_DOMAIN, "domain '" + key + "' is not running", Backend.XEND, null, null);
        }
        return identity(d);
    }

    VcpuCount vcpuCount(Target target) {
        XendDomain d = call("read the vCPU count of " + target, () -> client().domain(target.uuid().toString()));
        int online = d.onlineVcpus().orElse(d.vcpuAvail().bitCount());
        return new VcpuCount(Math.min(online, d.maxVcpus()), d.maxVcpus());
    }

    /** The vCPUs; {@code hostCpus} sizes the "no restriction" map xend shows as an empty list. */
    List<VcpuInfo> vcpus(Target target, int hostCpus) {
        CpuMap all = CpuMap.all(hostCpus);
        return xendVcpus(target.toString(), target.uuid())
                .map(v -> new VcpuInfo(v.number(), VcpuState.of(v.online(), v.blocked()), v.cpuTimeNs(),
                        v.online() ? v.cpu() : -1, hard(v, all), all))
                .toList();
    }

    /**
     * Every running domain's vCPUs: one domain list, then one op=vcpuinfo per domain; a domain
     * destroyed since the list (xend answers 404) is left out. The affinities come with vcpuinfo
     * anyway, so {@code hostCpus} (present when they are asked for) costs nothing more.
     */
    VcpuSnapshot snapshot(OptionalInt hostCpus) {
        List<DomainIdentity> domains = domains();
        Optional<CpuMap> all = hostCpus.isPresent() ? Optional.of(CpuMap.all(hostCpus.getAsInt())) : Optional.empty();
        long takenAt = System.nanoTime();
        List<DomainVcpus> read = new ArrayList<>(domains.size());
        for (DomainIdentity d : domains) {
            try {
                read.add(new DomainVcpus(d, System.nanoTime(), xendVcpus("domain " + d.name(), d.uuid())
                        .map(v -> new VcpuSample(v.number(), VcpuState.of(v.online(), v.blocked()), v.cpuTimeNs(),
                                v.online() ? v.cpu() : -1, all.map(a -> hard(v, a)), all))
                        .toList()));
            } catch (JxenException e) {
                if (e.code() != ErrorCode.NO_DOMAIN) {
                    throw e;
                }
            }
        }
        return new VcpuSnapshot(takenAt, read);
    }

    private Stream<XendVcpu> xendVcpus(String domain, UUID uuid) {
        return call("read the vCPUs of " + domain, () -> client().vcpuInfo(uuid.toString()))
                .vcpus().stream()
                .sorted(Comparator.comparingInt(XendVcpu::number));
    }

    /** xend shows "no restriction" as an empty list. */
    private static CpuMap hard(XendVcpu v, CpuMap all) {
        return v.cpumap().isEmpty() ? all : CpuMap.ofCpus(v.cpumap().stream().mapToInt(Integer::intValue).toArray());
    }

    void pin(Target target, int vcpu, CpuMap cpus) {
        int format = format();
        if (format < PIN_FORMAT) {
            throw new JxenException(ErrorCode.NO_SUPPORT, "xend with xend_config_format " + format
                    + " takes pins in a form jxen does not send (format " + PIN_FORMAT + " or later needed)",
                    Backend.XEND, null, null);
        }
        BitSet set = new BitSet();
        cpus.stream().forEach(set::set);
        call("pin vCPU " + vcpu + " of " + target + " to CPUs " + cpus, () -> {
            client().pinVcpu(target.uuid().toString(), vcpu, set);
            return null;
        });
    }

    void setVcpus(Target target, int count) {
        call("set the vCPUs of " + target + " to " + count, () -> {
            client().setVcpus(target.uuid().toString(), count);
            return null;
        });
    }

    private static DomainIdentity identity(XendDomain d) {
        return new DomainIdentity(d.domid().orElseThrow(), d.name(), d.uuid());
    }

    /**
     * Runs a request and turns xend's failures into the API's codes: an unreachable xend or an
     * operation it lacks is no support; one that broke HTTP or did not answer is
     * {@link Unavailable} (each request opens its own connection, so the next is a fresh start).
     */
    private static <T> T call(String operation, Supplier<T> request) {
        try {
            return request.get();
        } catch (XendException e) {
            throw switch (e.kind()) {
                case CONNECT_FAILED -> failure(ErrorCode.NO_SUPPORT, operation, e);
                case NO_SUCH_DOMAIN -> failure(ErrorCode.NO_DOMAIN, operation, e);
                // 501: the operation is not in this xend.
                case HTTP_ERROR -> failure(e.status() == 501 ? ErrorCode.NO_SUPPORT : ErrorCode.OPERATION_FAILED, operation, e);
                case XEND_ERROR -> failure(ErrorCode.OPERATION_FAILED, operation, e);
                case TIMEOUT -> new Unavailable(failure(ErrorCode.OPERATION_TIMEOUT, operation, e));
                case IO_ERROR, PROTOCOL_ERROR -> new Unavailable(failure(ErrorCode.OPERATION_FAILED, operation, e));
            };
        } catch (IllegalArgumentException e) {
            throw new JxenException(ErrorCode.INVALID_ARG, "cannot " + operation + ": " + e.getMessage(), Backend.XEND,
                    null, e);
        }
    }

    /** xend's failure as the API's, with xend's own text (or the kind of failure) as the detail. */
    private static JxenException failure(ErrorCode code, String operation, XendException e) {
        String detail = Optional.ofNullable(e.xendMessage()).filter(m -> !m.isEmpty()).orElse(e.kind().name());
        return new JxenException(code, "cannot " + operation + ": " + e.getMessage(), Backend.XEND, detail, e);
    }
}
