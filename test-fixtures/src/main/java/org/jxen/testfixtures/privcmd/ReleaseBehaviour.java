package org.jxen.testfixtures.privcmd;

import org.jxen.hypercall.Errno;
import org.jxen.hypercall.abi.XenRelease;

/**
 * How a Xen release answers the calls jxen makes, where releases differ in behaviour rather than in
 * layout: what the fake device must copy, and what the driver never relies on (it compares the
 * domain id Xen answered for, and maps EINVAL and ENOENT alike). Facts from {@code
 * xen/common/domctl.c} at each release tag (docs/xen-abi.md).
 *
 * @param exactDomainLookup true from 4.18: getdomaininfo for a missing domain fails with ESRCH;
 *     before, it answers for the next higher domain id
 * @param badVcpu what getvcpuinfo answers for a vCPU the domain lacks: EINVAL up to 4.21, ENOENT
 *     in 4.22
 * @param everyMapFaultReported true from 4.20: getvcpuaffinity with both maps reports a map it
 *     could not write even when the next one was written (Xen commit 6a21252a74, in 4.20.4, 4.21.2
 *     and 4.22; the fake models each release at the patch level Debian ships). Before, the last
 *     map's result was the call's, so a hard map's EFAULT was lost. The lab saw both: Xen 4.17.5
 *     answered 0, Xen 4.20.5-pre EFAULT
 */
record ReleaseBehaviour(boolean exactDomainLookup, Errno badVcpu, boolean everyMapFaultReported) {

    /** The behaviour of a supported release. */
    static ReleaseBehaviour of(XenRelease release) {
        return new ReleaseBehaviour(release.minor() >= 18, release.minor() >= 22 ? Errno.ENOENT : Errno.EINVAL,
                release.minor() >= 20);
    }
}
