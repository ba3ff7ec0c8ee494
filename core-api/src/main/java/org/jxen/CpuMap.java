package org.jxen;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.jxen.internal.Arguments;

/**
 * An immutable set of physical CPU numbers, of any size, with the two forms users already know:
 *
 * <ul>
 *   <li>libvirt's byte form: little-endian bytes, byte 0 holds CPUs 0-7 and the lowest CPU is the
 *       least significant bit ({@link #fromBytes(byte[], int)}, {@link #toBytes(int)});
 *   <li>the cpuset text of xl and virsh: {@code 0-3,^2,8} or {@code all} ({@link #parse(String, int)},
 *       {@link #toString()}).
 * </ul>
 *
 * <p>There is no limit on the number of CPUs besides int range (CPUs 0 to {@value #MAX_CPU}): the
 * map is stored as sorted ranges, so a 65,536-CPU host costs no more than a 4-CPU one. The byte
 * length always comes from the caller or from the host, never from a constant. Bad input throws
 * {@link JxenException} with {@link ErrorCode#INVALID_ARG} and a message naming the value and the
 * allowed range.
 */
public final class CpuMap {

    /** The highest CPU number a map can hold, so that any CPU count fits an {@code int}. */
    public static final int MAX_CPU = Integer.MAX_VALUE - 1;

    private static final CpuMap EMPTY = new CpuMap(new int[0]);
    private static final VarHandle LITTLE_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** first0, last0, first1, last1, ...: sorted, inclusive, neither overlapping nor touching. */
    private final int[] ranges;

    private CpuMap(int[] ranges) {
        this.ranges = ranges;
    }

    /**
     * Returns the map of the given CPUs, in any order, duplicates allowed.
     *
     * @param cpus CPU numbers, each 0 to {@value #MAX_CPU}
     * @return the map
     */
    public static CpuMap ofCpus(int... cpus) {
        Arguments.notNull(cpus, "cpus");
        RangeBuilder b = new RangeBuilder();
        for (int cpu : cpus) {
            checkCpu(cpu);
            b.add(cpu, cpu);
        }
        return b.build();
    }

    /**
     * Returns the map of CPUs {@code first} to {@code last}, both included.
     *
     * @param first the lowest CPU
     * @param last the highest CPU, at least {@code first}
     * @return the map
     */
    public static CpuMap range(int first, int last) {
        checkCpu(first);
        checkCpu(last);
        if (first > last) {
            throw JxenException.invalidArg("bad CPU range " + first + "-" + last + ": " + first + " is greater than " + last);
        }
        return new CpuMap(new int[] {first, last});
    }

    /**
     * Returns the map of every CPU of a host with {@code hostCpus} CPUs: 0 to {@code hostCpus - 1}.
     *
     * @param hostCpus the number of CPUs, at least 1
     * @return the map
     */
    public static CpuMap all(int hostCpus) {
        checkHostCpus(hostCpus);
        return new CpuMap(new int[] {0, hostCpus - 1});
    }

    /**
     * Returns the number of bytes a map of {@code nCpus} CPUs needs: libvirt's
     * {@code VIR_CPU_MAPLEN}, {@code (nCpus + 7) / 8}.
     *
     * @param nCpus the number of CPUs, at least 0
     * @return the map length in bytes
     */
    public static int maplen(int nCpus) {
        if (nCpus < 0) {
            throw JxenException.invalidArg("CPU count " + nCpus + " is negative; it must be 0-" + Integer.MAX_VALUE);
        }
        return (int) ((nCpus + 7L) / 8);
    }

    /**
     * Reads the first {@code maplen} bytes of a map in libvirt's byte form.
     *
     * @param cpumap the bytes
     * @param maplen how many bytes to read, 0 to {@code cpumap.length}
     * @return the map
     */
    public static CpuMap fromBytes(byte[] cpumap, int maplen) {
        return fromBytes(cpumap, 0, maplen);
    }

    /**
     * Reads {@code maplen} bytes from {@code offset} of an array, for example one vCPU's map in a
     * {@code cpumaps} array (see {@link CpuMaps#offset(int, int)}).
     *
     * @param cpumap the array
     * @param offset where the map starts
     * @param maplen the map length in bytes
     * @return the map
     */
    public static CpuMap fromBytes(byte[] cpumap, int offset, int maplen) {
        Arguments.notNull(cpumap, "cpumap");
        if (maplen < 0 || offset < 0 || (long) offset + maplen > cpumap.length) {
            throw JxenException.invalidArg("maplen " + maplen + " at offset " + offset + " does not fit in a cpumap of "
                    + cpumap.length + " bytes: maplen must be 0-" + Math.max(0, cpumap.length - Math.max(0, offset)));
        }
        // Two passes over the bits, 64 at a time: count the run boundaries, then record them, so the
        // only allocation is the result. A boundary is a bit that differs from the bit below it.
        int boundaries = 0;
        long carry = 0;
        for (int at = 0; at < maplen; at += 8) {
            long w = word(cpumap, offset + at, Math.min(8, maplen - at));
            boundaries += Long.bitCount(w ^ (w << 1 | carry));
            carry = w >>> 63;
        }
        if (boundaries == 0) {
            return EMPTY;
        }
        boolean openAtEnd = (boundaries & 1) == 1; // the last run reaches the map's last bit
        int[] ranges = new int[boundaries + (openAtEnd ? 1 : 0)];
        int n = 0;
        carry = 0;
        for (int at = 0; at < maplen; at += 8) {
            long w = word(cpumap, offset + at, Math.min(8, maplen - at));
            long edges = w ^ (w << 1 | carry);
            carry = w >>> 63;
            while (edges != 0) {
                // CPU numbers in long: a map of 2^28 bytes or more holds bits past Integer.MAX_VALUE.
                long bit = at * 8L + Long.numberOfTrailingZeros(edges);
                ranges[n] = cpuOrFail((n & 1) == 0 ? bit : bit - 1, n);
                n++;
                edges &= edges - 1;
            }
        }
        if (openAtEnd) {
            ranges[n] = cpuOrFail(maplen * 8L - 1, n);
        }
        return new CpuMap(ranges);
    }

    /** Bytes {@code at} to {@code at + count - 1} as a little-endian long, count 1 to 8. */
    private static long word(byte[] b, int at, int count) {
        if (count == 8) {
            return (long) LITTLE_ENDIAN_LONG.get(b, at);
        }
        long w = 0;
        for (int i = count - 1; i >= 0; i--) {
            w = w << 8 | (b[at + i] & 0xFFL);
        }
        return w;
    }

    /** A run's bound as a CPU number; the index tells a run's last CPU (odd) from its first. */
    private static int cpuOrFail(long cpu, int index) {
        if (cpu > MAX_CPU) {
            throw JxenException.invalidArg("cpumap sets CPU " + ((index & 1) == 0 ? cpu : MAX_CPU + 1L)
                    + ", beyond the highest CPU number 0-" + MAX_CPU);
        }
        return (int) cpu;
    }

    /**
     * Reads a map as the 2006 API defines it for a host: a {@code maplen} shorter than the host's
     * map means the missing bytes are zero; longer is an error, and so is a bit set for a CPU the
     * host does not have (Xen would ignore it silently) and a map with no CPU at all.
     *
     * @param cpumap the bytes
     * @param maplen how many bytes to read, 1 to {@code maplen(hostCpus)}
     * @param hostCpus the host's CPU count (physinfo {@code max_cpu_id + 1})
     * @return the map, not empty, every CPU below {@code hostCpus}
     */
    public static CpuMap fromHostBytes(byte[] cpumap, int maplen, int hostCpus) {
        checkHostCpus(hostCpus);
        int hostMaplen = maplen(hostCpus);
        if (maplen < 1 || maplen > hostMaplen) {
            throw JxenException.invalidArg("maplen " + maplen + " is out of range 1-" + hostMaplen
                    + " for a host with " + hostCpus + " CPUs");
        }
        CpuMap map = fromBytes(cpumap, maplen);
        if (map.isEmpty()) {
            throw JxenException.invalidArg("cpumap selects no CPU; set at least one of CPUs 0-" + (hostCpus - 1));
        }
        return map.checkWithin(hostCpus);
    }

    /**
     * Parses cpuset text without knowing the host: CPU numbers and ranges, optionally negated with
     * {@code ^}, separated by commas and applied left to right ({@code 0-3,^2,8} is 0, 1, 3 and 8).
     * {@code all} needs the host's size: use {@link #parse(String, int)}.
     *
     * @param cpuset the text
     * @return the map, not empty
     */
    public static CpuMap parse(String cpuset) {
        Arguments.notNull(cpuset, "cpuset");
        return CpusetParser.parse(cpuset, -1);
    }

    /**
     * Parses cpuset text for a host: as {@link #parse(String)}, plus {@code all} (every CPU of the
     * host), and every CPU must be below {@code hostCpus}.
     *
     * @param cpuset the text
     * @param hostCpus the host's CPU count, at least 1
     * @return the map, not empty
     */
    public static CpuMap parse(String cpuset, int hostCpus) {
        Arguments.notNull(cpuset, "cpuset");
        checkHostCpus(hostCpus);
        return CpusetParser.parse(cpuset, hostCpus);
    }

    /**
     * Returns this map in libvirt's byte form.
     *
     * @param maplen the length in bytes, at least {@link #minMaplen()}
     * @return a new array of {@code maplen} bytes
     */
    public byte[] toBytes(int maplen) {
        if (maplen < 0) {
            throw JxenException.invalidArg("maplen " + maplen + " is negative");
        }
        byte[] out = new byte[maplen];
        copyInto(out, 0, maplen);
        return out;
    }

    /**
     * Writes this map in libvirt's byte form into {@code maplen} bytes of {@code dst} from
     * {@code offset}, clearing the bytes it does not set; for filling a {@code cpumaps} array.
     *
     * @param dst the array
     * @param offset where the map starts
     * @param maplen the map length in bytes, at least {@link #minMaplen()}
     */
    public void copyInto(byte[] dst, int offset, int maplen) {
        Arguments.notNull(dst, "dst");
        if (maplen < 0 || offset < 0 || (long) offset + maplen > dst.length) {
            throw JxenException.invalidArg("maplen " + maplen + " at offset " + offset + " does not fit in a cpumap of "
                    + dst.length + " bytes");
        }
        if (last() >= maplen * 8L) {
            throw JxenException.invalidArg("CPU " + last() + " does not fit in a map of " + maplen + " bytes (CPUs 0-"
                    + (maplen * 8L - 1) + "); maplen must be at least " + minMaplen());
        }
        Arrays.fill(dst, offset, offset + maplen, (byte) 0);
        for (int i = 0; i < ranges.length; i += 2) {
            setBits(dst, offset, ranges[i], ranges[i + 1]);
        }
    }

    private static void setBits(byte[] dst, int offset, int first, int last) {
        int cpu = first;
        while (cpu <= last) {
            if ((cpu & 7) == 0 && last - cpu >= 7) {
                int fullBytes = (last - cpu + 1) >>> 3;
                Arrays.fill(dst, offset + (cpu >>> 3), offset + (cpu >>> 3) + fullBytes, (byte) 0xFF);
                cpu += fullBytes * 8;
            } else {
                dst[offset + (cpu >>> 3)] |= (byte) (1 << (cpu & 7));
                cpu++;
            }
        }
    }

    /**
     * Checks that every CPU of this map exists on a host with {@code hostCpus} CPUs.
     *
     * @param hostCpus the host's CPU count, at least 1
     * @return this map
     */
    public CpuMap checkWithin(int hostCpus) {
        checkHostCpus(hostCpus);
        if (last() >= hostCpus) {
            throw JxenException.invalidArg("CPU " + firstAtLeast(hostCpus) + " is beyond the host's CPUs 0-" + (hostCpus - 1));
        }
        return this;
    }

    private int firstAtLeast(int cpu) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (ranges[i + 1] >= cpu) {
                return Math.max(ranges[i], cpu);
            }
        }
        return -1;
    }

    /**
     * Tells whether a CPU is in this map.
     *
     * @param cpu any int
     * @return true if {@code cpu} is in the map
     */
    public boolean contains(int cpu) {
        int lo = 0;
        int hi = ranges.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cpu < ranges[2 * mid]) {
                hi = mid - 1;
            } else if (cpu > ranges[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the number of CPUs in this map.
     *
     * @return the count
     */
    public int cardinality() {
        int n = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            n += ranges[i + 1] - ranges[i] + 1;
        }
        return n;
    }

    /**
     * Tells whether this map holds no CPU.
     *
     * @return true if empty
     */
    public boolean isEmpty() {
        return ranges.length == 0;
    }

    /**
     * Returns the lowest CPU of this map.
     *
     * @return the lowest CPU, or -1 when empty
     */
    public int first() {
        return isEmpty() ? -1 : ranges[0];
    }

    /**
     * Returns the highest CPU of this map.
     *
     * @return the highest CPU, or -1 when empty
     */
    public int last() {
        return isEmpty() ? -1 : ranges[ranges.length - 1];
    }

    /**
     * Returns the fewest bytes that hold this map: {@code maplen(last() + 1)}.
     *
     * @return the minimum maplen, 0 for the empty map
     */
    public int minMaplen() {
        return maplen(last() + 1);
    }

    /**
     * Returns the CPUs of this map in ascending order.
     *
     * @return the CPU numbers
     */
    public IntStream stream() {
        return IntStream.range(0, ranges.length / 2).flatMap(i -> IntStream.rangeClosed(ranges[2 * i], ranges[2 * i + 1]));
    }

    /**
     * Returns the canonical cpuset text of this map, as xl prints it: ascending, ranges of two or
     * more CPUs as {@code first-last}, e.g. {@code 0-3,8}; the empty string for the empty map
     * (which {@link #parse(String)} rejects, since no cpuset may select no CPU).
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ranges.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ranges[i]);
            if (ranges[i + 1] != ranges[i]) {
                sb.append('-').append(ranges[i + 1]);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuMap other && Arrays.equals(ranges, other.ranges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ranges);
    }

    static void checkCpu(int cpu) {
        if (cpu < 0 || cpu > MAX_CPU) {
            throw JxenException.invalidArg("CPU " + cpu + " is out of range 0-" + MAX_CPU);
        }
    }

    private static void checkHostCpus(int hostCpus) {
        if (hostCpus < 1) {
            throw JxenException.invalidArg("host CPU count " + hostCpus + " is out of range 1-" + Integer.MAX_VALUE);
        }
    }

    /** Builds the canonical range list from adds and removes in any order. */
    static final class RangeBuilder {
        private final TreeMap<Integer, Integer> byFirst = new TreeMap<>();

        void add(int first, int last) {
            var below = byFirst.floorEntry(first);
            if (below != null && below.getValue() >= first - 1L) {
                first = below.getKey();
                last = Math.max(last, below.getValue());
            }
            var next = byFirst.ceilingEntry(first);
            while (next != null && next.getKey() <= last + 1L) {
                last = Math.max(last, next.getValue());
                byFirst.remove(next.getKey());
                next = byFirst.ceilingEntry(first);
            }
            byFirst.put(first, last);
        }

        void remove(int first, int last) {
            var below = byFirst.floorEntry(first);
            if (below != null && below.getValue() >= first) {
                byFirst.put(below.getKey(), first - 1);
                if (below.getKey() == first) {
                    byFirst.remove(first);
                }
                if (below.getValue() > last) {
                    byFirst.put(last + 1, below.getValue());
                    return;
                }
            }
            var next = byFirst.ceilingEntry(first);
            while (next != null && next.getKey() <= last) {
                byFirst.remove(next.getKey());
                if (next.getValue() > last) {
                    byFirst.put(last + 1, next.getValue());
                }
                next = byFirst.ceilingEntry(first);
            }
        }

        CpuMap build() {
            if (byFirst.isEmpty()) {
                return EMPTY;
            }
            int[] r = new int[byFirst.size() * 2];
            int i = 0;
            for (var e : byFirst.entrySet()) {
                r[i++] = e.getKey();
                r[i++] = e.getValue();
            }
            return new CpuMap(r);
        }
    }
}
