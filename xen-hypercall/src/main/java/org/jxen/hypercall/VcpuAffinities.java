package org.jxen.hypercall;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Both affinities of a vCPU, as one XEN_DOMCTL_getvcpuaffinity with flags HARD|SOFT returns them:
 * cpumaps in Xen's bytes (see {@link XenHypercalls}), each as long as the host's. The arrays are
 * fresh for each call and held as given, not copied again; equality and the string form go by
 * their contents, as for a value.
 *
 * @param hard the pCPUs the vCPU may run on
 * @param soft the pCPUs the scheduler prefers, as last set: not narrowed to the hard affinity and
 *     the online pCPUs (a set answers with the narrowed map)
 */
public record VcpuAffinities(byte[] hard, byte[] soft) {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * Checks the maps are there.
     *
     * @param hard the hard affinity
     * @param soft the soft affinity
     */
    public VcpuAffinities {
        Objects.requireNonNull(hard, "hard");
        Objects.requireNonNull(soft, "soft");
    }

    /**
     * Compares the maps' bytes.
     *
     * @param o another object
     * @return true when it holds the same two maps
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof VcpuAffinities other && Arrays.equals(hard, other.hard) && Arrays.equals(soft, other.soft);
    }

    /**
     * Hashes the maps' bytes.
     *
     * @return a hash consistent with {@link #equals}
     */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hard) + Arrays.hashCode(soft);
    }

    /**
     * Shows the maps as hex, byte 0 first.
     *
     * @return e.g. {@code VcpuAffinities[hard=ff0f, soft=ffff]}
     */
    @Override
    public String toString() {
        return "VcpuAffinities[hard=" + HEX.formatHex(hard) + ", soft=" + HEX.formatHex(soft) + "]";
    }
}
