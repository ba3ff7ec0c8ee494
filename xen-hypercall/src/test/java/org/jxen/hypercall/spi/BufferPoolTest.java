package org.jxen.hypercall.spi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxen.hypercall.HypercallBuffer;

class BufferPoolTest {

    private final Arena arena = Arena.ofShared();
    private final BufferPool pool = new BufferPool(bytes -> arena.allocate(bytes, BufferPool.PAGE));

    @AfterEach
    void close() {
        pool.close();
        arena.close();
    }

    @Test
    void resolvesOnlyRangesInsideLeasedBuffers() {
        HypercallBuffer buf = pool.lease(100);
        long at = buf.data().address();
        buf.data().set(JAVA_BYTE, 10, (byte) 42);
        assertEquals(42, pool.resolve(at + 10, 1).get(JAVA_BYTE, 0));
        long end = buf.call().address() + 4096;
        assertEquals(4, pool.resolve(end - 4, 4).byteSize());
        assertNull(pool.resolve(end - 4, 5), "runs past the buffer");
        assertNull(pool.resolve(0x1000, 8), "never handed out");
        assertNull(pool.resolve(at, -1));
        buf.close();
        assertNull(pool.resolve(at + 10, 1), "no longer leased");
    }

    @Test
    void concurrentLeasesGetDistinctBuffersAndSizesRoundToPowersOfTwoPages() {
        try (HypercallBuffer a = pool.lease(10); HypercallBuffer b = pool.lease(10);
                HypercallBuffer c = pool.lease(3 * 4096)) {
            assertNotEquals(a.data().address(), b.data().address());
            assertEquals(4096 - HypercallBuffer.CALL_BYTES, a.data().byteSize());
            assertEquals(4 * 4096 - HypercallBuffer.CALL_BYTES, c.data().byteSize());
        }
    }

    @Test
    void misuseIsRefused() {
        HypercallBuffer buf = pool.lease(0);
        buf.close();
        assertThrows(IllegalStateException.class, buf::close);
        assertThrows(IllegalArgumentException.class, () -> pool.leased(buf));
        assertThrows(IllegalArgumentException.class, () -> pool.lease(-1));
    }

    @Test
    void closeWaitsForLeasesThenRefusesNewOnes() throws Exception {
        HypercallBuffer buf = pool.lease(8);
        Thread closer = Thread.ofPlatform().start(pool::close);
        while (closer.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        MemorySegment data = buf.data();
        data.set(JAVA_BYTE, 0, (byte) 1); // still usable: the lease is open
        buf.close();
        closer.join();
        assertThrows(IllegalStateException.class, () -> pool.lease(8));
    }
}
