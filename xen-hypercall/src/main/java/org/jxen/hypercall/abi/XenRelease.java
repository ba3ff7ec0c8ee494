package org.jxen.hypercall.abi;

import java.lang.foreign.StructLayout;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a Xen release speaks: its domctl and sysctl interfaces, which is all the encoding needs
 * (what else changed between releases, such as errnos, is the fake device's business: see
 * test-fixtures' {@code ReleaseBehaviour}). One row per supported release, from Xen's public headers at
 * each release tag ({@code xen/include/public/domctl.h} and {@code sysctl.h} at RELEASE-4.16.0 to
 * RELEASE-4.22.0; every fact with its tag and line in docs/xen-abi.md).
 *
 * @param major e.g. 4
 * @param minor e.g. 17
 * @param domctl the domctl interface
 * @param sysctl the sysctl interface
 */
public record XenRelease(int major, int minor, DomctlAbi domctl, SysctlAbi sysctl) {

    /** The supported releases, oldest first. */
    public static final List<XenRelease> SUPPORTED = List.of(
            release(4, 16, 0x14, 0x14, Layouts.PHYSINFO_4_16),
            release(4, 17, 0x15, 0x15, Layouts.PHYSINFO_4_17),
            release(4, 18, 0x16, 0x15, Layouts.PHYSINFO_4_17),
            release(4, 19, 0x17, 0x15, Layouts.PHYSINFO_4_17),
            release(4, 20, 0x17, 0x15, Layouts.PHYSINFO_4_17),
            release(4, 21, 0x17, 0x16, Layouts.PHYSINFO_4_17),
            release(4, 22, 0x18, 0x16, Layouts.PHYSINFO_4_17));

    private static XenRelease release(int major, int minor, int domctl, int sysctl, StructLayout physinfo) {
        return new XenRelease(major, minor, new DomctlAbi(domctl, Layouts.DOMCTL_4_16),
                new SysctlAbi(sysctl, Layouts.sysctl(physinfo)));
    }

    /**
     * Finds a supported release.
     *
     * @param major e.g. 4
     * @param minor e.g. 17
     * @return the release, or empty when it is not supported
     */
    public static Optional<XenRelease> of(int major, int minor) {
        return SUPPORTED.stream().filter(r -> r.major == major && r.minor == minor).findFirst();
    }

    /**
     * Orders the releases for probing a hypervisor that says it is {@code major.minor}: that release
     * first, then the others nearest to it (a distribution may backport an interface change).
     *
     * @param major the reported major version
     * @param minor the reported minor version
     * @return every supported release, in the order to try
     */
    public static List<XenRelease> candidates(int major, int minor) {
        long reported = ((long) major << 16) | minor;
        return SUPPORTED.stream()
                .sorted(Comparator.comparingLong((XenRelease r) -> Math.abs((((long) r.major << 16) | r.minor) - reported))
                        .thenComparing(Comparator.comparingInt(XenRelease::minor).reversed()))
                .toList();
    }

    /**
     * Returns the release number.
     *
     * @return e.g. "4.17"
     */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
