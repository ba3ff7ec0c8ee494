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
 */
record ReleaseBehaviour(boolean exactDomainLookup, Errno badVcpu) {

    /** The behaviour of a supported release. */
    static ReleaseBehaviour of(XenRelease release) {
        return new ReleaseBehaviour(release.minor() >= 18, release.minor() >= 22 ? Errno.ENOENT : Errno.EINVAL);
    }
}
