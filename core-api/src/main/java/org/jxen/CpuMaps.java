package org.jxen;

import org.jxen.internal.Arguments;

/**
 * libvirt's cpumap macros for callers who hold raw byte arrays, with bounds checks that C never
 * had. A {@code cpumaps} array holds one map of {@code maplen} bytes per vCPU, vCPU 0 first.
 *
 * <table>
 *   <caption>libvirt macro and its Java form</caption>
 *   <tr><th>libvirt</th><th>jxen</th></tr>
 *   <tr><td>VIR_CPU_MAPLEN(cpus)</td><td>{@link CpuMap#maplen(int)}</td></tr>
 *   <tr><td>VIR_USE_CPU(cpumap, cpu)</td><td>{@link #use(byte[], int)}</td></tr>
 *   <tr><td>VIR_UNUSE_CPU(cpumap, cpu)</td><td>{@link #unuse(byte[], int)}</td></tr>
 *   <tr><td>VIR_CPU_USED(cpumap, cpu)</td><td>{@link #isUsed(byte[], int)}</td></tr>
 *   <tr><td>VIR_CPU_USABLE(cpumaps, maplen, vcpu, cpu)</td><td>{@link #isUsable(byte[], int, int, int)}</td></tr>
 *   <tr><td>VIR_GET_CPUMAP(cpumaps, maplen, vcpu)</td><td>{@link #offset(int, int)}</td></tr>
 *   <tr><td>VIR_COPY_CPUMAP(cpumaps, maplen, vcpu, cpumap)</td><td>{@link #copy(byte[], int, int, byte[])}</td></tr>
 * </table>
 */
public final class CpuMaps {

    private CpuMaps() {
    }

    /**
     * VIR_USE_CPU: sets the bit of {@code cpu}.
     *
     * @param cpumap one map
     * @param cpu a CPU that fits the map: 0 to {@code 8 * cpumap.length - 1}
     */
    public static void use(byte[] cpumap, int cpu) {
        checkFits(cpumap, cpu);
        cpumap[cpu >>> 3] |= (byte) (1 << (cpu & 7));
    }

    /**
     * VIR_UNUSE_CPU: clears the bit of {@code cpu}.
     *
     * @param cpumap one map
     * @param cpu a CPU that fits the map: 0 to {@code 8 * cpumap.length - 1}
     */
    public static void unuse(byte[] cpumap, int cpu) {
        checkFits(cpumap, cpu);
        cpumap[cpu >>> 3] &= (byte) ~(1 << (cpu & 7));
    }

    /**
     * VIR_CPU_USED: tells whether the bit of {@code cpu} is set.
     *
     * @param cpumap one map
     * @param cpu a CPU that fits the map: 0 to {@code 8 * cpumap.length - 1}
     * @return true if set
     */
    public static boolean isUsed(byte[] cpumap, int cpu) {
        checkFits(cpumap, cpu);
        return (cpumap[cpu >>> 3] & (1 << (cpu & 7))) != 0;
    }

    /**
     * VIR_CPU_USABLE: tells whether vCPU {@code vcpu} may run on {@code cpu}, from a cpumaps array.
     *
     * @param cpumaps the maps of all vCPUs
     * @param maplen the length of each map, at least 1
     * @param vcpu a vCPU whose map lies inside {@code cpumaps}
     * @param cpu a CPU that fits one map: 0 to {@code 8 * maplen - 1}
     * @return true if set
     */
    public static boolean isUsable(byte[] cpumaps, int maplen, int vcpu, int cpu) {
        int at = checkedOffset(cpumaps, maplen, vcpu);
        if (cpu < 0 || cpu >= maplen * 8L) {
            throw JxenException.invalidArg("CPU " + cpu + " is out of range 0-" + (maplen * 8L - 1)
                    + " for maplen " + maplen);
        }
        return (cpumaps[at + (cpu >>> 3)] & (1 << (cpu & 7))) != 0;
    }

    /**
     * VIR_GET_CPUMAP: where vCPU {@code vcpu}'s map starts in a cpumaps array.
     *
     * @param maplen the length of each map, at least 1
     * @param vcpu the vCPU, at least 0
     * @return {@code vcpu * maplen}
     */
    public static int offset(int maplen, int vcpu) {
        checkMaplen(maplen);
        if (vcpu < 0) {
            throw JxenException.invalidArg("vCPU " + vcpu + " is negative");
        }
        long at = (long) vcpu * maplen;
        if (at > Integer.MAX_VALUE) {
            throw new JxenException(ErrorCode.OVERFLOW, "input too large: " + vcpu + " * " + maplen);
        }
        return (int) at;
    }

    /**
     * VIR_COPY_CPUMAP: copies vCPU {@code vcpu}'s map out of a cpumaps array.
     *
     * @param cpumaps the maps of all vCPUs
     * @param maplen the length of each map, at least 1
     * @param vcpu a vCPU whose map lies inside {@code cpumaps}
     * @param cpumap where to copy it, at least {@code maplen} bytes
     */
    public static void copy(byte[] cpumaps, int maplen, int vcpu, byte[] cpumap) {
        int at = checkedOffset(cpumaps, maplen, vcpu);
        Arguments.notNull(cpumap, "cpumap");
        if (cpumap.length < maplen) {
            throw JxenException.invalidArg("destination cpumap of " + cpumap.length + " bytes is shorter than maplen "
                    + maplen);
        }
        System.arraycopy(cpumaps, at, cpumap, 0, maplen);
    }

    private static int checkedOffset(byte[] cpumaps, int maplen, int vcpu) {
        Arguments.notNull(cpumaps, "cpumaps");
        int at = offset(maplen, vcpu);
        if ((long) at + maplen > cpumaps.length) {
            throw JxenException.invalidArg("vCPU " + vcpu + " is out of range 0-" + (cpumaps.length / maplen - 1)
                    + " for cpumaps of " + cpumaps.length + " bytes with maplen " + maplen);
        }
        return at;
    }

    private static void checkMaplen(int maplen) {
        if (maplen < 1) {
            throw JxenException.invalidArg("maplen " + maplen + " must be greater than zero");
        }
    }

    private static void checkFits(byte[] cpumap, int cpu) {
        Arguments.notNull(cpumap, "cpumap");
        if (cpu < 0 || cpu >= cpumap.length * 8L) {
            throw JxenException.invalidArg("CPU " + cpu + " is out of range 0-" + (cpumap.length * 8L - 1)
                    + " for a cpumap of " + cpumap.length + " bytes");
        }
    }
}
