package org.jxen.hypercall.linux;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxen.hypercall.Errno;
import org.jxen.hypercall.HypercallBuffer;
import org.jxen.hypercall.HypercallException;
import org.jxen.hypercall.Operation;
import org.jxen.hypercall.PrivcmdDevice;
import org.jxen.hypercall.PrivcmdPaths;
import org.jxen.hypercall.XenHypercalls;

/** The real FFM path without Xen: libc open, mmap and ioctl on files that are not privcmd. */
class LinuxPrivcmdTest {

    private static final Path MISSING = Path.of("/nonexistent/xen/privcmd");

    @Test
    void ioctlOnAFileThatIsNotPrivcmdReturnsEnottyWithErrnoIntact() {
        try (PrivcmdDevice device = PrivcmdDevice.open(new PrivcmdPaths(Path.of("/dev/null"), MISSING, MISSING))) {
            try (HypercallBuffer buf = device.lease(0)) {
                buf.call().set(JAVA_LONG, 0, Operation.XENVER_VERSION.hypercall());
                assertEquals(-Errno.ENOTTY.number(), device.hypercall(buf));
            }
            HypercallException e = assertThrows(HypercallException.class, () -> XenHypercalls.connect(device));
            assertEquals(Operation.XENVER_VERSION, e.operation());
            assertEquals(25, e.errnoNumber());
            assertEquals("ENOTTY", e.errnoName());
            // Deliberate wording test: the one place the whole form of a hypercall error is fixed.
            assertEquals("xen_version XENVER_version failed: ENOTTY (errno 25)", e.getMessage());
        }
    }

    @Test
    void missingDevicesMeanNoXenHere() {
        HypercallException e = assertThrows(HypercallException.class,
                () -> PrivcmdDevice.open(new PrivcmdPaths(MISSING, Path.of("/nonexistent/proc/xen/privcmd"), MISSING)));
        assertEquals(Operation.OPEN_DEVICE, e.operation());
        assertEquals(Errno.ENOENT.number(), e.errnoNumber());
        assertTrue(e.getMessage().contains("no Xen here"), e.getMessage());
        assertTrue(e.domain().isEmpty());
    }

    @Test
    void fallsBackToTheLegacyPathWhenTheFirstIsMissing() {
        try (PrivcmdDevice device = PrivcmdDevice.open(new PrivcmdPaths(MISSING, Path.of("/dev/null"), MISSING));
                HypercallBuffer buf = device.lease(0)) {
            assertEquals(-Errno.ENOTTY.number(), device.hypercall(buf));
        }
    }

    @Test
    void otherOpenErrorsAreReportedAsThemselves(@TempDir Path dir) {
        HypercallException e = assertThrows(HypercallException.class,
                () -> PrivcmdDevice.open(new PrivcmdPaths(dir, MISSING, MISSING)));
        assertEquals(Errno.nameOf(21), e.errnoName()); // EISDIR: opening a directory read-write
        assertEquals(21, e.errnoNumber());
    }

    @Test
    void buffersFromLockedAnonymousMemorySpanPagesAndAreReused() {
        try (PrivcmdDevice device = PrivcmdDevice.open(new PrivcmdPaths(Path.of("/dev/null"), MISSING, MISSING))) {
            assertBuffersWork(device);
        }
    }

    @Test
    void buffersMappedSharedFromTheBufferDevice() {
        // /dev/zero accepts MAP_SHARED like /dev/xen/hypercall does.
        try (PrivcmdDevice device = PrivcmdDevice.open(new PrivcmdPaths(Path.of("/dev/null"), MISSING, Path.of("/dev/zero")))) {
            assertBuffersWork(device);
        }
    }

    private static void assertBuffersWork(PrivcmdDevice device) {
        long address;
        try (HypercallBuffer big = device.lease(3 * 4096 + 1)) {
            MemorySegment data = big.data();
            assertTrue(data.byteSize() >= 3 * 4096 + 1);
            assertEquals(0, big.call().address() % 4096, "page aligned");
            byte[] pattern = new byte[3 * 4096 + 1];
            for (int i = 0; i < pattern.length; i++) {
                pattern[i] = (byte) (i * 7);
            }
            MemorySegment.copy(pattern, 0, data, JAVA_BYTE, 0, pattern.length);
            assertArrayEquals(pattern, data.asSlice(0, pattern.length).toArray(JAVA_BYTE));
            address = data.address();
        }
        try (HypercallBuffer again = device.lease(3 * 4096)) {
            assertEquals(address, again.data().address(), "the buffer is reused");
            assertEquals(0, again.data().asSlice(0, 3 * 4096).toArray(JAVA_BYTE)[4095], "and zeroed");
        }
    }

    @Test
    void nothingIsUsableAfterClose() {
        PrivcmdDevice device = PrivcmdDevice.open(new PrivcmdPaths(Path.of("/dev/null"), MISSING, MISSING));
        MemorySegment data;
        try (HypercallBuffer buf = device.lease(16)) {
            data = buf.data();
        }
        device.close();
        assertThrows(IllegalStateException.class, () -> device.lease(16));
        assertThrows(IllegalStateException.class, () -> data.get(JAVA_BYTE, 0));
        device.close(); // closing twice is harmless
    }

    @Test
    void aBufferOfAnotherDeviceIsRefused() {
        Path devNull = Path.of("/dev/null");
        try (PrivcmdDevice a = PrivcmdDevice.open(new PrivcmdPaths(devNull, MISSING, MISSING));
                PrivcmdDevice b = PrivcmdDevice.open(new PrivcmdPaths(devNull, MISSING, MISSING));
                HypercallBuffer buf = a.lease(0)) {
            assertThrows(IllegalArgumentException.class, () -> b.hypercall(buf));
        }
    }
}
