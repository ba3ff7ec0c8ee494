package org.jxen.libvirt;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import org.jxen.CpuMap;
import org.jxen.CpuMaps;
import org.jxen.Domain;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.JxenException;
import org.jxen.NodeInfo;
import org.jxen.VcpuInfo;
import org.jxen.internal.Arguments;
import org.jxen.internal.HostCpus;

/**
 * The 2006 vCPU API with libvirt's C signatures, for code ported from C: the calls return
 * {@code 0} or a count on success and {@code -1} on failure, with the error kept as the calling
 * thread's last error ({@link #virGetLastError()}), exactly as a C caller expects. New code should
 * call {@link Domain} directly, which throws instead.
 *
 * <p>A {@code null} domain means Domain-0, as the 2006 doc comments promised (libvirt itself never
 * implemented it). Every argument is checked, and the cpumap read against the host's map size,
 * before the domain is asked to change anything, so a rejected call leaves the host as it was.
 *
 * <p>Port with {@code import static org.jxen.libvirt.Libvirt.*;} to get the {@code VIR_*}
 * constants and macros under their C names. Instances are as thread-safe as their
 * {@link Hypervisor}; the last error is per thread.
 */
public final class Libvirt {

    // The VIR_* names below mirror libvirt's C macros and enum constants on purpose, so that
    // ported code reads as the C it came from.

    /** {@code virVcpuState}: the vCPU is not online. */
    public static final int VIR_VCPU_OFFLINE = 0;
    /** {@code virVcpuState}: the vCPU is online and running, or runnable. */
    public static final int VIR_VCPU_RUNNING = 1;
    /** {@code virVcpuState}: the vCPU is online and blocked, waiting for an event. */
    public static final int VIR_VCPU_BLOCKED = 2;

    private static final ThreadLocal<JxenException> LAST_ERROR = new ThreadLocal<>();

    private final Hypervisor hypervisor;
    private final HostCpus hostCpus;

    private Libvirt(Hypervisor hypervisor) {
        this.hypervisor = hypervisor;
        this.hostCpus = new HostCpus(hypervisor);
    }

    /**
     * Wraps an open connection. The facade does not own it: the caller closes the hypervisor, as
     * it may keep using it through the jxen API too.
     *
     * @param hypervisor the connection
     * @return the facade
     * @throws JxenException INVALID_ARG when {@code hypervisor} is null
     */
    public static Libvirt of(Hypervisor hypervisor) {
        if (hypervisor == null) {
            throw invalidArg("hypervisor must not be null");
        }
        return new Libvirt(hypervisor);
    }

    /**
     * Returns the calling thread's last error: the failure of the last call that returned -1, or
     * null if the thread's last call succeeded (each call resets it at entry, as libvirt does).
     *
     * @return the error, or null
     */
    public static JxenException virGetLastError() {
        return LAST_ERROR.get();
    }

    /** Forgets the calling thread's last error. */
    public static void virResetLastError() {
        LAST_ERROR.remove();
    }

    /**
     * Makes {@code nvcpus} vCPUs online in a running domain.
     *
     * @param domain the domain, or null for Domain-0
     * @param nvcpus 1 to the domain's maximum; C's {@code unsigned int}, so a negative value is
     *     rejected rather than read as a huge count
     * @return 0, or -1 with the last error set
     */
    public int virDomainSetVcpus(Domain domain, int nvcpus) {
        return call(() -> {
            if (nvcpus == 0) {
                throw invalidArg("nvcpus in virDomainSetVcpus must not be zero");
            }
            if (nvcpus < 0) {
                throw invalidArg(unsignedMessage("nvcpus", nvcpus, "virDomainSetVcpus") + "; it must be 1 to the domain's maximum vCPUs");
            }
            orDomain0(domain).setVcpus(nvcpus);
            return 0;
        });
    }

    /**
     * Sets the physical CPUs vCPU {@code vcpu} may run on (its hard affinity). A {@code maplen}
     * shorter than the host's map leaves the missing CPUs out; longer fails, and so do a map
     * with no CPU and a bit set for a CPU the host does not have.
     *
     * @param domain the domain, or null for Domain-0
     * @param vcpu 0 to the domain's maximum - 1
     * @param cpumap the CPUs in libvirt's byte form (byte 0 holds CPUs 0-7, lowest CPU lowest bit)
     * @param maplen how many bytes of {@code cpumap} to read: 1 to the host's map length
     * @return 0, or -1 with the last error set
     */
    public int virDomainPinVcpu(Domain domain, int vcpu, byte[] cpumap, int maplen) {
        return call(() -> {
            if (vcpu < 0) {
                throw invalidArg(unsignedMessage("vcpu", vcpu, "virDomainPinVcpu") + "; it must be 0 to the domain's maximum vCPUs - 1");
            }
            checkNonNull(cpumap, "cpumap", "virDomainPinVcpu");
            checkPositive(maplen, "maplen", "virDomainPinVcpu");
            if (cpumap.length < maplen) {
                throw invalidArg("cpumap of " + cpumap.length + " bytes is shorter than maplen " + maplen + " in virDomainPinVcpu");
            }
            CpuMap cpus = CpuMap.fromHostBytes(cpumap, maplen, hostCpus.get());
            orDomain0(domain).pinVcpu(vcpu, cpus);
            return 0;
        });
    }

    /**
     * Reads up to {@code maxinfo} vCPUs of a domain, in vCPU order, and, when {@code cpumaps} is
     * given, their hard affinity: vCPU {@code i}'s map goes to bytes {@code i * maplen} to
     * {@code (i + 1) * maplen - 1}. All {@code maxinfo * maplen} bytes are cleared first, so the
     * slots of absent vCPUs read as empty; a {@code maplen} shorter than the host's map keeps the
     * first {@code maplen} bytes of each map (libvirt does the same), longer fails. Entries of
     * {@code info} past the count returned are left as they were; null entries are created.
     *
     * @param domain the domain, or null for Domain-0
     * @param info where to write, at least {@code maxinfo} entries
     * @param maxinfo how many entries to fill at most, at least 1
     * @param cpumaps where to write the affinities, at least {@code maxinfo * maplen} bytes, or null
     * @param maplen the length of one map: 1 to the host's map length, or 0 when {@code cpumaps} is null
     * @return the number of entries filled, {@code min(maxinfo, vCPUs of the domain)}, or -1 with
     *     the last error set (and nothing written)
     */
    public int virDomainGetVcpus(Domain domain, VirVcpuInfo[] info, int maxinfo, byte[] cpumaps, int maplen) {
        return call(() -> {
            checkGetVcpusArgs(info, maxinfo, cpumaps, maplen);
            if (cpumaps != null) {
                int cpus = hostCpus.get();
                if (maplen > CpuMap.maplen(cpus)) {
                    throw invalidArg("maplen " + maplen + " in virDomainGetVcpus is out of range 1-" + CpuMap.maplen(cpus)
                            + " for a host with " + cpus + " CPUs");
                }
            }
            // Everything is read before anything is written, and nothing below can fail, so a
            // failed call leaves the caller's arrays as they were.
            List<VcpuInfo> vcpus = orDomain0(domain).vcpus();
            int filled = Math.min(maxinfo, vcpus.size());
            if (cpumaps != null) {
                Arrays.fill(cpumaps, 0, maxinfo * maplen, (byte) 0);
            }
            for (int i = 0; i < filled; i++) {
                VcpuInfo v = vcpus.get(i);
                if (info[i] == null) {
                    info[i] = new VirVcpuInfo();
                }
                info[i].fill(v.number(), v.state().number(), v.cpuTime(), v.cpu());
                if (cpumaps != null) {
                    CpuMap hard = v.hardAffinity();
                    if (hard.minMaplen() <= maplen) {
                        hard.copyInto(cpumaps, i * maplen, maplen);
                    } else { // a shorter maplen truncates the map, as libvirt does
                        System.arraycopy(hard.toBytes(hard.minMaplen()), 0, cpumaps, i * maplen, maplen);
                    }
                }
            }
            return filled;
        });
    }

    /**
     * Fills {@code info} with the host's CPUs, memory and topology, as libvirt's
     * {@code virNodeGetInfo(conn, info)} does (this facade is the connection). A C caller sizes
     * its cpumaps with {@code VIR_CPU_MAPLEN(VIR_NODEINFO_MAXCPUS(info))}; on Xen that can be
     * shorter than the host's map, which the calls above accept (the missing CPUs read as
     * unused), while {@link NodeInfo#maplen()} is the length that covers every CPU Xen can have.
     * The model is left empty: Xen does not report one.
     *
     * @param info where to write
     * @return 0, or -1 with the last error set (and nothing written)
     */
    public int virNodeGetInfo(VirNodeInfo info) {
        return call(() -> {
            checkNonNull(info, "info", "virNodeGetInfo");
            NodeInfo node = hypervisor.nodeInfo();
            info.fill("", node.memoryKiB(), node.cpus(), node.mhz(), node.nodes(), node.sockets(), node.cores(), node.threads());
            return 0;
        });
    }

    private static void checkGetVcpusArgs(VirVcpuInfo[] info, int maxinfo, byte[] cpumaps, int maplen) {
        checkNonNull(info, "info", "virDomainGetVcpus");
        checkPositive(maxinfo, "maxinfo", "virDomainGetVcpus");
        if (info.length < maxinfo) {
            throw invalidArg("info of " + info.length + " entries is shorter than maxinfo " + maxinfo + " in virDomainGetVcpus");
        }
        if (cpumaps == null) {
            if (maplen != 0) {
                throw invalidArg("maplen in virDomainGetVcpus must be zero");
            }
            return;
        }
        checkPositive(maplen, "maplen", "virDomainGetVcpus");
        long needed = (long) maxinfo * maplen;
        if (needed > Integer.MAX_VALUE) {
            throw new JxenException(ErrorCode.OVERFLOW, "input too large: " + maxinfo + " * " + maplen);
        }
        if (cpumaps.length < needed) {
            throw invalidArg("cpumaps of " + cpumaps.length + " bytes is shorter than maxinfo * maplen = "
                    + maxinfo + " * " + maplen + " = " + needed + " in virDomainGetVcpus");
        }
    }

    /**
     * VIR_NODEINFO_MAXCPUS: the CPUs the host's topology adds up to, {@code nodes * sockets *
     * cores * threads}. Xen hosts may number their CPUs past this (physinfo {@code max_cpu_id});
     * see {@link #virNodeGetInfo}.
     *
     * @param nodeinfo a struct {@link #virNodeGetInfo} filled
     * @return the CPU count
     * @throws JxenException INVALID_ARG when {@code nodeinfo} is null
     */
    public static int VIR_NODEINFO_MAXCPUS(VirNodeInfo nodeinfo) {
        Arguments.notNull(nodeinfo, "nodeinfo");
        return nodeinfo.nodes() * nodeinfo.sockets() * nodeinfo.cores() * nodeinfo.threads();
    }

    /**
     * VIR_CPU_MAPLEN: the bytes a map of {@code cpu} CPUs needs.
     *
     * @param cpu the number of CPUs, at least 0
     * @return {@code (cpu + 7) / 8}
     * @see CpuMap#maplen(int)
     */
    public static int VIR_CPU_MAPLEN(int cpu) {
        return CpuMap.maplen(cpu);
    }

    /**
     * VIR_USE_CPU: sets the bit of {@code cpu} in one map.
     *
     * @param cpumap the map
     * @param cpu 0 to {@code 8 * cpumap.length - 1}
     * @throws JxenException INVALID_ARG outside the map (where C would write past it)
     * @see CpuMaps#use(byte[], int)
     */
    public static void VIR_USE_CPU(byte[] cpumap, int cpu) {
        CpuMaps.use(cpumap, cpu);
    }

    /**
     * VIR_UNUSE_CPU: clears the bit of {@code cpu} in one map.
     *
     * @param cpumap the map
     * @param cpu 0 to {@code 8 * cpumap.length - 1}
     * @throws JxenException INVALID_ARG outside the map
     * @see CpuMaps#unuse(byte[], int)
     */
    public static void VIR_UNUSE_CPU(byte[] cpumap, int cpu) {
        CpuMaps.unuse(cpumap, cpu);
    }

    /**
     * VIR_CPU_USED: tells whether the bit of {@code cpu} is set in one map.
     *
     * @param cpumap the map
     * @param cpu 0 to {@code 8 * cpumap.length - 1}
     * @return true if set (C's non-zero)
     * @throws JxenException INVALID_ARG outside the map
     * @see CpuMaps#isUsed(byte[], int)
     */
    public static boolean VIR_CPU_USED(byte[] cpumap, int cpu) {
        return CpuMaps.isUsed(cpumap, cpu);
    }

    /**
     * VIR_CPU_USABLE: tells whether vCPU {@code vcpu} may run on {@code cpu}, from the cpumaps
     * {@link #virDomainGetVcpus} filled.
     *
     * @param cpumaps the maps of all vCPUs
     * @param maplen the length of one map, at least 1
     * @param vcpu a vCPU whose map lies inside {@code cpumaps}
     * @param cpu 0 to {@code 8 * maplen - 1}
     * @return true if set (C's non-zero)
     * @throws JxenException INVALID_ARG outside the maps, OVERFLOW when {@code vcpu * maplen} does not fit an int
     * @see CpuMaps#isUsable(byte[], int, int, int)
     */
    public static boolean VIR_CPU_USABLE(byte[] cpumaps, int maplen, int vcpu, int cpu) {
        return CpuMaps.isUsable(cpumaps, maplen, vcpu, cpu);
    }

    /**
     * VIR_GET_CPUMAP: where vCPU {@code vcpu}'s map starts in {@code cpumaps}. C returns a pointer;
     * Java returns the index, so {@code VIR_GET_CPUMAP(cpumaps, maplen, v)[i]} becomes
     * {@code cpumaps[VIR_GET_CPUMAP(cpumaps, maplen, v) + i]}. {@code cpumaps} is taken only so
     * that ported calls keep their three arguments: as in C it is not read, and Java's own bounds
     * check stops a use past its end.
     *
     * @param cpumaps the maps of all vCPUs (not read)
     * @param maplen the length of one map, at least 1
     * @param vcpu the vCPU, at least 0
     * @return {@code vcpu * maplen}
     * @throws JxenException INVALID_ARG for a maplen below 1 or a negative vCPU, OVERFLOW when
     *     {@code vcpu * maplen} does not fit an int
     * @see CpuMaps#offset(int, int)
     */
    public static int VIR_GET_CPUMAP(byte[] cpumaps, int maplen, int vcpu) {
        return CpuMaps.offset(maplen, vcpu);
    }

    /**
     * VIR_COPY_CPUMAP: copies vCPU {@code vcpu}'s map out of {@code cpumaps}, for example to
     * change it and pass it to {@link #virDomainPinVcpu}.
     *
     * @param cpumaps the maps of all vCPUs
     * @param maplen the length of one map, at least 1
     * @param vcpu a vCPU whose map lies inside {@code cpumaps}
     * @param cpumap where to copy it, at least {@code maplen} bytes
     * @throws JxenException INVALID_ARG outside the maps or when {@code cpumap} is too short
     * @see CpuMaps#copy(byte[], int, int, byte[])
     */
    public static void VIR_COPY_CPUMAP(byte[] cpumaps, int maplen, int vcpu, byte[] cpumap) {
        CpuMaps.copy(cpumaps, maplen, vcpu, cpumap);
    }

    /** Runs one public entry point as libvirt does: reset the last error, turn a failure into -1. */
    private static int call(IntSupplier body) {
        virResetLastError();
        try {
            return body.getAsInt();
        } catch (JxenException e) {
            LAST_ERROR.set(e);
            return -1;
        }
    }

    private Domain orDomain0(Domain domain) {
        return domain != null ? domain : hypervisor.domain0();
    }

    /** libvirt's virCheckNonNullArg, with its message. */
    private static void checkNonNull(Object value, String name, String function) {
        if (value == null) {
            throw invalidArg(name + " in " + function + " must not be NULL");
        }
    }

    /** libvirt's virCheckPositiveArg, with its message and the value. */
    private static void checkPositive(int value, String name, String function) {
        if (value <= 0) {
            throw invalidArg(name + " in " + function + " must be greater than zero, not " + value);
        }
    }

    private static String unsignedMessage(String name, int value, String function) {
        return name + " " + value + " in " + function + " is negative (" + Integer.toUnsignedString(value)
                + " as C's unsigned int)";
    }

    private static JxenException invalidArg(String message) {
        return new JxenException(ErrorCode.INVALID_ARG, message);
    }
}
