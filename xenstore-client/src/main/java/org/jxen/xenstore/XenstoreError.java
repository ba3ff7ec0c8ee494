package org.jxen.xenstore;

/**
 * The error names xenstored sends in an XS_ERROR reply, in the order of {@code xsd_errors[]} in
 * {@code xs_wire.h}. The client raises the same names for requests it refuses before sending
 * ({@link #EINVAL} for a bad path, {@link #E2BIG} for a payload over 4096 bytes), as libxenstore does.
 */
public enum XenstoreError {
    /** Invalid argument, e.g. a malformed path; also what any unknown error name maps to. */
    EINVAL,
    /** Permission denied. */
    EACCES,
    /** The node or watch already exists. */
    EEXIST,
    /** The node is a directory. */
    EISDIR,
    /** No such node, transaction or watch. */
    ENOENT,
    /** xenstored is out of memory. */
    ENOMEM,
    /** A quota is exceeded. */
    ENOSPC,
    /** I/O error inside xenstored. */
    EIO,
    /** The directory is not empty. */
    ENOTEMPTY,
    /** The operation is not implemented. */
    ENOSYS,
    /** Read-only connection. */
    EROFS,
    /** xenstored is busy. */
    EBUSY,
    /** A transaction conflicted with another change: redo it. */
    EAGAIN,
    /** Already connected. */
    EISCONN,
    /** Too big: a payload over the 4096-byte limit, or a quota. */
    E2BIG,
    /** Operation not permitted. */
    EPERM;

    /**
     * Maps an error name from the wire to its constant.
     *
     * @param name the name without its NUL, e.g. {@code "ENOENT"}
     * @return the constant, or {@link #EINVAL} for a name outside the list (as libxenstore does)
     */
    public static XenstoreError fromName(String name) {
        for (XenstoreError e : values()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return EINVAL;
    }
}
