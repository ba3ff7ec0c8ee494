package org.jxen.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/** What this JVM holds of the operating system, read from /proc and the JVM's management beans. */
final class ProcessResources {

    /**
     * A fake daemon's connection thread ends, and closes its socket, when it reads the client's
     * end of file: just after close() returns, not before. Only a leak takes this long.
     */
    private static final Duration SETTLE = Duration.ofSeconds(30);

    /** The kit's directories: FakeXenstored's socket directory and SimulatedXen's xend directory. */
    private static final List<String> KIT_TEMP_PREFIXES = List.of("fake-xenstored", "jxen-test-");

    private ProcessResources() {
    }

    static int openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count() - 1; // the directory stream's own fd
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Platform threads alive (virtual threads, which the fake xend uses per request, are not counted). */
    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Resident set size in KiB, /proc/self/status VmRSS. */
    static long rssKiB() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes in use by the JVM's buffer pool of that name ("direct", "mapped"). */
    static long bufferPoolBytes(String pool) {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(p -> p.getName().equals(pool)).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    /** The kit's sockets and directories in java.io.tmpdir (the build points it at target/). */
    static List<Path> kitTempFiles() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> KIT_TEMP_PREFIXES.stream().anyMatch(p.getFileName().toString()::startsWith))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code count} until it has not changed for 100 ms (a connection closed just before may
     * still be ending its threads), or for {@link #SETTLE} at the most, and returns the last reading.
     */
    static int steady(IntSupplier count) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        int now = count.getAsInt();
        for (int same = 0; same < 10 && System.nanoTime() < deadline; ) {
            Thread.sleep(10);
            int next = count.getAsInt();
            same = next == now ? same + 1 : 0;
            now = next;
        }
        return now;
    }

    /**
     * Waits until {@code count} is at most {@code start}, giving closed connections' threads time to
     * end, and returns the last reading (above {@code start} only after {@link #SETTLE}: a leak).
     */
    static int settledTo(int start, IntSupplier count) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        int now = count.getAsInt();
        while (now > start && System.nanoTime() < deadline) {
            Thread.sleep(10);
            now = count.getAsInt();
        }
        return now;
    }
}
