package org.jxen.benchmarks.driver;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.jxen.hypercall.HypercallBuffer;
import org.jxen.hypercall.PrivcmdDevice;
import org.jxen.hypercall.spi.BufferPool;

/**
 * A privcmd device that costs next to nothing, so that a benchmark measures jxen alone. It first
 * records: every call goes to the device it wraps (the fake privcmd), and each domctl or sysctl
 * reply is kept, keyed by the request's first {@value #KEY_BYTES} bytes (cmd, interface version,
 * domain, and the payload's vCPU and flags). After {@link #replay()} it answers from the recording
 * by copying the reply's bytes into the lease, from a {@link BufferPool} as the real device's.
 * A request it did not record is an {@link IllegalStateException}: the figures would be
 * meaningless. Single-threaded: one benchmark thread.
 */
final class ReplayPrivcmd implements PrivcmdDevice {

    /** cmd (4), interface_version (4), domain (2) and padding (6), then the payload's first 8 bytes. */
    private static final int KEY_BYTES = 24;
    private static final int SLOTS = 1 << 12;

    private final PrivcmdDevice recorded;
    private final Arena arena = Arena.ofShared();
    private final BufferPool pool = new BufferPool(bytes -> arena.allocate(bytes, BufferPool.PAGE));
    /** Open addressing: KEY_BYTES / 8 longs per slot, the reply in the same slot of {@link #replies}. */
    private final long[] keys = new long[SLOTS * 3];
    private final Reply[] replies = new Reply[SLOTS];
    private int size;
    private boolean replaying;

    /** One answer: the lease's data bytes after the call, and the call's result. */
    private record Reply(byte[] data, long result) {
    }

    /** The lease handed out while recording, remembering how many data bytes the caller asked for. */
    private record Recording(HypercallBuffer inner, long dataBytes) implements HypercallBuffer {
        @Override
        public MemorySegment call() {
            return inner.call();
        }

        @Override
        public MemorySegment data() {
            return inner.data();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    /**
     * Records the calls made through it on {@code device} until {@link #replay()}.
     *
     * @param device the device that answers while recording; closed with this one
     */
    ReplayPrivcmd(PrivcmdDevice device) {
        this.recorded = device;
    }

    /** From now on answers every call from the recording. */
    void replay() {
        replaying = true;
    }

    /**
     * Tells how many distinct requests were recorded.
     *
     * @return the count
     */
    int recordedRequests() {
        return size;
    }

    @Override
    public HypercallBuffer lease(long dataBytes) {
        return replaying ? pool.lease(dataBytes) : new Recording(recorded.lease(dataBytes), dataBytes);
    }

    @Override
    public long hypercall(HypercallBuffer buffer) {
        if (!replaying) {
            return record((Recording) buffer);
        }
        MemorySegment data = pool.leased(buffer).data();
        Reply reply = replies[find(data)];
        if (reply == null) {
            throw new IllegalStateException("no recorded reply for this request; record every call the benchmark makes");
        }
        MemorySegment.copy(reply.data, 0, data, JAVA_BYTE, 0, reply.data.length);
        return reply.result;
    }

    private long record(Recording lease) {
        MemorySegment data = lease.data();
        int slot = lease.dataBytes() < KEY_BYTES ? -1 : find(data);
        if (slot >= 0) {
            // Keyed before the call: Xen writes over the request (getdomaininfo's domain, for one).
            long k0 = data.get(JAVA_LONG_UNALIGNED, 0);
            long k1 = data.get(JAVA_LONG_UNALIGNED, 8);
            long k2 = data.get(JAVA_LONG_UNALIGNED, 16);
            long result = recorded.hypercall(lease.inner());
            if (replies[slot] == null) {
                if (++size > SLOTS / 2) {
                    throw new IllegalStateException("more than " + SLOTS / 2 + " distinct requests to record");
                }
                keys[slot * 3] = k0;
                keys[slot * 3 + 1] = k1;
                keys[slot * 3 + 2] = k2;
            }
            replies[slot] = new Reply(data.asSlice(0, lease.dataBytes()).toArray(JAVA_BYTE), result);
            return result;
        }
        return recorded.hypercall(lease.inner()); // xen_version: only at connect, never replayed
    }

    /** The slot holding this request's key, or the empty slot where it would go. */
    private int find(MemorySegment data) {
        long k0 = data.get(JAVA_LONG_UNALIGNED, 0);
        long k1 = data.get(JAVA_LONG_UNALIGNED, 8);
        long k2 = data.get(JAVA_LONG_UNALIGNED, 16);
        long h = (k0 * 31 + k1) * 31 + k2;
        int slot = (int) (h ^ (h >>> 29) ^ (h >>> 47)) & (SLOTS - 1);
        while (replies[slot] != null
                && (keys[slot * 3] != k0 || keys[slot * 3 + 1] != k1 || keys[slot * 3 + 2] != k2)) {
            slot = (slot + 1) & (SLOTS - 1);
        }
        return slot;
    }

    @Override
    public void close() {
        pool.close();
        if (arena.scope().isAlive()) {
            arena.close();
        }
        recorded.close();
    }
}
