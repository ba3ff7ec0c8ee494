package org.jxen.hypercall;

import org.jxen.hypercall.linux.LinuxPrivcmd;

/**
 * The seam between jxen and the hypervisor: the privcmd device. It opens, leases hypercall-safe
 * memory and issues IOCTL_PRIVCMD_HYPERCALL; everything above it (struct encoding, interface
 * versions, errno mapping) is {@link XenHypercalls}, the same code whether the device is the real
 * one or the fake of test-fixtures. Implementations are safe for concurrent callers.
 */
public interface PrivcmdDevice extends AutoCloseable {

    /**
     * Opens the real device at the Linux paths.
     *
     * @return the device
     * @throws HypercallException when it cannot be opened; errno ENOENT means no Xen here
     * @throws NativeAccessException when the JVM does not allow jxen native access (the message names the flag)
     */
    static PrivcmdDevice open() {
        return open(PrivcmdPaths.DEFAULT);
    }

    /**
     * Opens the real device: /dev/xen/privcmd (falling back to /proc/xen/privcmd on ENOENT, ENXIO or
     * ENODEV), with buffers mapped from /dev/xen/hypercall when it exists.
     *
     * @param paths where the device nodes are
     * @return the device
     * @throws HypercallException when it cannot be opened; errno ENOENT means no Xen here
     * @throws NativeAccessException when the JVM does not allow jxen native access (the message names the flag)
     */
    static PrivcmdDevice open(PrivcmdPaths paths) {
        return LinuxPrivcmd.open(paths);
    }

    /**
     * Leases hypercall-safe memory; close the lease when the operation is done.
     *
     * @param dataBytes how many bytes {@link HypercallBuffer#data()} must hold, 0 or more
     * @return the lease, its call struct and first {@code dataBytes} data bytes zeroed
     * @throws IllegalStateException after {@link #close()}
     */
    HypercallBuffer lease(long dataBytes);

    /**
     * Issues IOCTL_PRIVCMD_HYPERCALL with the privcmd_hypercall struct written at the start of
     * {@code buffer.call()}.
     *
     * @param buffer a lease of this device that is still open
     * @return the hypercall's result, 0 or more, or minus the errno it failed with
     */
    long hypercall(HypercallBuffer buffer);

    /** Waits for the leases to come back, then releases the native memory and closes the device. */
    @Override
    void close();
}
