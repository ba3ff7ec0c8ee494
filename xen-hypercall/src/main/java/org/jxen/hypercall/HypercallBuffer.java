package org.jxen.hypercall;

import java.lang.foreign.MemorySegment;

/**
 * Hypercall-safe memory leased from a {@link PrivcmdDevice} for one operation: Xen may read and
 * write it while a hypercall runs. Closing the lease gives the memory back to the device for reuse;
 * neither segment may be used after that.
 */
public interface HypercallBuffer extends AutoCloseable {

    /** Bytes of {@link #call()}: the 48-byte privcmd_hypercall struct, then 16 bytes the device owns. */
    long CALL_BYTES = 64;

    /**
     * Returns where the caller writes {@code struct privcmd_hypercall} (op and five arguments) before
     * {@link PrivcmdDevice#hypercall}; bytes 48 to 63 are the device's (the real one captures errno
     * there, so that a call allocates no native memory).
     *
     * @return a segment of {@link #CALL_BYTES} bytes, zeroed when leased
     */
    MemorySegment call();

    /**
     * Returns the memory for the hypercall's arguments: the domctl/sysctl struct and the arrays its
     * guest handles point to, addressed by their absolute addresses.
     *
     * @return a segment at least as long as the lease asked for, zeroed up to that length
     */
    MemorySegment data();

    /** Gives the memory back to the device. */
    @Override
    void close();
}
