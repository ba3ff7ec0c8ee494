package org.jxen.hypercall.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.jxen.hypercall.Errno;
import org.jxen.hypercall.HypercallBuffer;
import org.jxen.hypercall.HypercallException;
import org.jxen.hypercall.NativeAccessException;
import org.jxen.hypercall.Operation;
import org.jxen.hypercall.PrivcmdDevice;
import org.jxen.hypercall.PrivcmdPaths;
import org.jxen.hypercall.spi.BufferPool;

/**
 * The real privcmd device, as libxencall drives it: FFM downcalls to libc open, ioctl and mmap.
 * Buffers come from mmap(MAP_SHARED) of /dev/xen/hypercall, or, without that device, from locked
 * anonymous memory excluded from fork (the pre-4.11 libxencall way). All native memory belongs to
 * the device's shared arena and is unmapped when the device closes.
 */
public final class LinuxPrivcmd implements PrivcmdDevice {

    /** IOCTL_PRIVCMD_HYPERCALL: _IOC(_IOC_NONE, 'P', 0, sizeof(struct privcmd_hypercall) = 48). */
    static final long IOCTL_PRIVCMD_HYPERCALL = 0x00305000L;

    private final int fd;
    private final int bufferFd;
    private final Arena arena;
    private final BufferPool pool;

    private LinuxPrivcmd(int fd, int bufferFd, Arena arena) {
        this.fd = fd;
        this.bufferFd = bufferFd;
        this.arena = arena;
        this.pool = new BufferPool(this::map);
    }

    /**
     * Opens the device.
     *
     * @param paths where the device nodes are
     * @return the device
     * @throws HypercallException when privcmd cannot be opened (ENOENT: no Xen here)
     * @throws NativeAccessException when the JVM does not allow this module native access
     */
    public static LinuxPrivcmd open(PrivcmdPaths paths) {
        NativeAccess.require();
        int fd;
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment capture = scratch.allocate(Libc.CAPTURE);
            fd = open(scratch, capture, paths.privcmd());
            int errno = Libc.errno(capture);
            if (fd < 0 && noDevice(errno)) {
                fd = open(scratch, capture, paths.legacyPrivcmd());
                errno = Libc.errno(capture);
                if (fd < 0 && noDevice(errno)) {
                    throw new HypercallException(Operation.OPEN_DEVICE, HypercallException.NONE, HypercallException.NONE,
                            errno, "no Xen here: neither " + paths.privcmd() + " nor " + paths.legacyPrivcmd()
                                    + " is a privcmd device (not running in a Xen dom0?)");
                }
            }
            if (fd < 0) {
                throw new HypercallException(Operation.OPEN_DEVICE, HypercallException.NONE, HypercallException.NONE,
                        errno, "cannot open " + paths.privcmd() + " (jxen must run as root in dom0)");
            }
            int bufferFd = open(scratch, capture, paths.hypercallBuffers());
            errno = Libc.errno(capture);
            if (bufferFd < 0 && errno != Errno.ENOENT.number()) {
                close(fd);
                throw new HypercallException(Operation.OPEN_DEVICE, HypercallException.NONE, HypercallException.NONE,
                        errno, "cannot open " + paths.hypercallBuffers());
            }
            return new LinuxPrivcmd(fd, bufferFd, Arena.ofShared());
        }
    }

    /** What open(2) answers when the node is missing or no driver is behind it: try the next path. */
    private static boolean noDevice(int errno) {
        return Errno.of(errno).map(e -> switch (e) {
            case ENOENT, ENXIO, ENODEV -> true;
            default -> false;
        }).orElse(false);
    }

    private static int open(Arena scratch, MemorySegment capture, Path path) {
        try {
            return (int) Libc.OPEN.invokeExact(capture, scratch.allocateFrom(path.toString()),
                    Libc.O_RDWR | Libc.O_CLOEXEC, 0);
        } catch (Throwable t) {
            throw Libc.linkageFailure(t);
        }
    }

    private static void close(int fd) {
        try {
            int ignored = (int) Libc.CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw Libc.linkageFailure(t);
        }
    }

    @Override
    public HypercallBuffer lease(long dataBytes) {
        return pool.lease(dataBytes);
    }

    @Override
    public long hypercall(HypercallBuffer buffer) {
        BufferPool.Buffer b = pool.leased(buffer);
        MemorySegment capture = b.deviceArea();
        int result;
        try {
            result = (int) Libc.IOCTL.invokeExact(capture, fd, IOCTL_PRIVCMD_HYPERCALL, b.call());
        } catch (Throwable t) {
            throw Libc.linkageFailure(t);
        }
        return result == -1 ? -Libc.errno(capture) : result;
    }

    /** Maps page-aligned hypercall-safe memory tied to the arena; unmapped when the arena closes. */
    @SuppressWarnings("restricted") // sizes the segment mmap returned; nothing else is reinterpreted
    private MemorySegment map(long bytes) {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment capture = scratch.allocate(Libc.CAPTURE);
            MemorySegment at;
            if (bufferFd >= 0) {
                at = (MemorySegment) Libc.MMAP.invokeExact(capture, MemorySegment.NULL, bytes,
                        Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, bufferFd, 0L);
            } else {
                at = (MemorySegment) Libc.MMAP.invokeExact(capture, MemorySegment.NULL, bytes,
                        Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS | Libc.MAP_LOCKED, -1, 0L);
            }
            if (at.address() == Libc.MAP_FAILED) {
                throw new HypercallException(Operation.MAP_BUFFER, HypercallException.NONE, HypercallException.NONE,
                        Libc.errno(capture), bytes + " bytes");
            }
            MemorySegment mapped = at.reinterpret(bytes, arena, start -> unmap(start, bytes));
            if (bufferFd < 0) {
                // A fork during a hypercall must not make these pages copy-on-write.
                int r = (int) Libc.MADVISE.invokeExact(capture, at, bytes, Libc.MADV_DONTFORK);
                if (r != 0) {
                    throw new HypercallException(Operation.MAP_BUFFER, HypercallException.NONE,
                            HypercallException.NONE, Libc.errno(capture), "madvise(MADV_DONTFORK)");
                }
            }
            return mapped;
        } catch (HypercallException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.linkageFailure(t);
        }
    }

    private static void unmap(MemorySegment start, long bytes) {
        try {
            int ignored = (int) Libc.MUNMAP.invokeExact(start, bytes);
        } catch (Throwable t) {
            throw Libc.linkageFailure(t);
        }
    }

    @Override
    public synchronized void close() {
        pool.close();
        if (arena.scope().isAlive()) {
            arena.close();
            close(fd);
            if (bufferFd >= 0) {
                close(bufferFd);
            }
        }
    }
}
