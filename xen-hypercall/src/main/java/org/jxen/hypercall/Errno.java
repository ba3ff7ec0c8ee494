package org.jxen.hypercall;

import java.util.Optional;

/**
 * The errno values a hypercall or the privcmd driver can report. Xen's public errno.h uses the
 * Linux numbers on x86, so one table serves both.
 */
public enum Errno {
    /** Operation not permitted (XSM denial, restricted privcmd fd). */
    EPERM(1),
    /** No such file or directory (no device; a bad vCPU for getvcpuinfo on Xen 4.22). */
    ENOENT(2),
    /** No such process: no such domain or vCPU. */
    ESRCH(3),
    /** Interrupted system call. */
    EINTR(4),
    /** I/O error. */
    EIO(5),
    /** No such device or address. */
    ENXIO(6),
    /** Argument list too long. */
    E2BIG(7),
    /** Bad file descriptor. */
    EBADF(9),
    /** Try again. */
    EAGAIN(11),
    /** Out of memory. */
    ENOMEM(12),
    /** Permission denied; for domctl/sysctl: interface version mismatch. */
    EACCES(13),
    /** Bad address: a buffer Xen could not read or write. */
    EFAULT(14),
    /** Device or resource busy. */
    EBUSY(16),
    /** File exists. */
    EEXIST(17),
    /** No such device. */
    ENODEV(19),
    /** Invalid argument. */
    EINVAL(22),
    /** Inappropriate ioctl for device: the file is not privcmd. */
    ENOTTY(25),
    /** No space left. */
    ENOSPC(28),
    /** Result out of range. */
    ERANGE(34),
    /** Function not implemented: unknown hypercall or sub-op. */
    ENOSYS(38),
    /** No data available. */
    ENODATA(61),
    /** Value too large. */
    EOVERFLOW(75),
    /** Operation not supported. */
    EOPNOTSUPP(95),
    /** Timed out. */
    ETIMEDOUT(110);

    private final int number;

    Errno(int number) {
        this.number = number;
    }

    /**
     * Returns the errno number.
     *
     * @return the number, e.g. 3 for ESRCH
     */
    public int number() {
        return number;
    }

    /**
     * Finds the constant of an errno number.
     *
     * @param number the errno
     * @return the constant, or empty for a number not in this table
     */
    public static Optional<Errno> of(int number) {
        for (Errno e : values()) {
            if (e.number == number) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Names an errno number.
     *
     * @param number the errno
     * @return its symbolic name, e.g. "ESRCH", or "errno N" for one not in this table
     */
    public static String nameOf(int number) {
        return of(number).map(Errno::name).orElse("errno " + number);
    }
}
