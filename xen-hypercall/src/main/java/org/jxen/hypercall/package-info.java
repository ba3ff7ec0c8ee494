/**
 * Xen hypercalls through the privcmd device: {@link org.jxen.hypercall.PrivcmdDevice} is the seam
 * (the real one is FFM over libc, the fake lives in test-fixtures), {@link
 * org.jxen.hypercall.XenHypercalls} encodes xen_version, sysctl and domctl for the Xen release it
 * finds, and every failure is a {@link org.jxen.hypercall.HypercallException} carrying the errno.
 */
package org.jxen.hypercall;
