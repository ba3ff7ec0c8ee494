package org.jxen.hypercall.spi;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.jxen.hypercall.HypercallBuffer;
import org.jxen.hypercall.abi.Layouts;

/**
 * Hypercall buffers, leased per operation and reused, so that a hypercall allocates no native
 * memory. Each buffer is a page-aligned run of whole pages from the device's allocator (sizes
 * rounded up to a power of two pages, so a few buffers serve every request); a buffer stays in the
 * pool until {@link #close()}, so the pool holds at most (peak concurrent leases) × (size classes
 * used). Thread-safe.
 */
public final class BufferPool {

    /** The x86 page size. */
    public static final long PAGE = 4096;

    private static final long PRIVCMD_BYTES = Layouts.PRIVCMD_HYPERCALL.byteSize();

    private final LongFunction<MemorySegment> allocator;
    private final List<Buffer> all = new ArrayList<>();
    private final List<Buffer> free = new ArrayList<>();
    private int leased;
    private boolean closed;

    /**
     * Creates an empty pool.
     *
     * @param allocator returns zeroed, page-aligned, hypercall-safe memory of the given number of
     *     bytes (a multiple of {@link #PAGE}), valid until the device closes
     */
    public BufferPool(LongFunction<MemorySegment> allocator) {
        this.allocator = allocator;
    }

    /**
     * Leases a buffer.
     *
     * @param dataBytes how many data bytes it must hold
     * @return the buffer, with its call struct and first {@code dataBytes} data bytes zeroed
     * @throws IllegalStateException after {@link #close()}
     */
    public HypercallBuffer lease(long dataBytes) {
        if (dataBytes < 0) {
            throw new IllegalArgumentException("negative buffer size " + dataBytes);
        }
        long need = HypercallBuffer.CALL_BYTES + dataBytes;
        Buffer b = take(need);
        if (b == null) {
            long pages = Long.highestOneBit(Math.max(1, (need + PAGE - 1) / PAGE) * 2 - 1);
            try {
                b = new Buffer(allocator.apply(pages * PAGE));
            } catch (RuntimeException e) {
                giveUp();
                throw e;
            }
            synchronized (this) {
                all.add(b);
            }
        }
        b.call.fill((byte) 0);
        b.data.asSlice(0, dataBytes).fill((byte) 0);
        return b;
    }

    private synchronized Buffer take(long need) {
        if (closed) {
            throw new IllegalStateException("privcmd device is closed");
        }
        leased++;
        // The smallest free buffer that fits.
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            long size = free.get(i).whole.byteSize();
            if (size >= need && (best < 0 || size < free.get(best).whole.byteSize())) {
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        Buffer b = free.remove(best);
        b.leased = true;
        return b;
    }

    private synchronized void giveUp() {
        leased--;
        notifyAll();
    }

    private synchronized void giveBack(Buffer b) {
        if (!b.leased) {
            throw new IllegalStateException("hypercall buffer closed twice");
        }
        b.leased = false;
        free.add(b);
        leased--;
        notifyAll();
    }

    /**
     * Checks that a buffer is an open lease of this pool.
     *
     * @param buffer the buffer a caller passed
     * @return it, as this pool's type
     * @throws IllegalArgumentException when it is not
     */
    public Buffer leased(HypercallBuffer buffer) {
        if (buffer instanceof Buffer b && b.pool() == this && b.isLeased()) {
            return b;
        }
        throw new IllegalArgumentException("not an open lease of this privcmd device: " + buffer);
    }

    /**
     * Finds the leased memory at an address, as Xen's copy_from_guest/copy_to_guest would reach it:
     * only buffers this pool has handed out, and only while they are leased. The hypervisor's side
     * of the device seam: a device that answers hypercalls itself (test-fixtures' fake privcmd)
     * follows the guest handles in the structs with it; the real device never needs it.
     *
     * @param address the absolute address
     * @param length how many bytes are accessed there
     * @return a slice of a leased buffer, or null when the range is not wholly inside one
     */
    public synchronized MemorySegment resolve(long address, long length) {
        for (Buffer b : all) {
            long start = b.whole.address();
            if (b.leased && length >= 0 && address >= start && address - start <= b.whole.byteSize() - length) {
                return b.whole.asSlice(address - start, length);
            }
        }
        return null;
    }

    /**
     * Refuses new leases and waits until every lease has been closed; the owner then frees the
     * memory.
     *
     * @throws IllegalStateException when interrupted while waiting
     */
    public synchronized void close() {
        closed = true;
        while (leased > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for hypercall buffers", e);
            }
        }
    }

    /** One pooled buffer: the call struct at the start of its pages, the data after it. */
    public final class Buffer implements HypercallBuffer {
        private final MemorySegment whole;
        private final MemorySegment call;
        private final MemorySegment data;
        private final MemorySegment deviceArea;
        /** Written under the pool's lock; volatile so that the check on every hypercall takes no lock. */
        private volatile boolean leased = true;

        private Buffer(MemorySegment whole) {
            this.whole = whole;
            this.call = whole.asSlice(0, CALL_BYTES);
            this.data = whole.asSlice(CALL_BYTES);
            this.deviceArea = whole.asSlice(PRIVCMD_BYTES, CALL_BYTES - PRIVCMD_BYTES);
        }

        @Override
        public MemorySegment call() {
            return call;
        }

        @Override
        public MemorySegment data() {
            return data;
        }

        /**
         * Returns the 16 bytes after the privcmd_hypercall struct that belong to the device.
         *
         * @return the segment
         */
        public MemorySegment deviceArea() {
            return deviceArea;
        }

        private BufferPool pool() {
            return BufferPool.this;
        }

        private boolean isLeased() {
            return leased;
        }

        @Override
        public void close() {
            giveBack(this);
        }

        @Override
        public String toString() {
            return "hypercall buffer of " + whole.byteSize() + " bytes at 0x" + Long.toHexString(whole.address());
        }
    }
}
