package org.jxen.testdriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.JxenException;

/**
 * Fuzz target for host files, read as {@code test:///PATH.json} opens them: any bytes start a host
 * (which answers {@code listDomains()} with Domain-0 and closes) or are refused with
 * {@link JxenException} INVALID_ARG naming the file; any other throwable (OutOfMemoryError
 * included) is a finding, and so is a fake daemon left running or a socket left open
 * afterwards (closing the fakes is what removes their sockets and temporary directories).
 * Seeds and saved findings are in {@code src/test/resources/org/jxen/testdriver/HostFileFuzzTestInputs}.
 */
class HostFileFuzzTest {

    private static final Path FILE = hostFile();
    private static final TestDriverProvider PROVIDER = new TestDriverProvider();

    static {
        // The JDK opens a socket of its own the first time (the virtual threads' poller): not a leftover.
        try (Hypervisor warmUp = PROVIDER.open(URI.create(TestDriverProvider.DEFAULT_URI))) {
            warmUp.listDomains();
        }
    }

    private static Path hostFile() {
        try {
            Path dir = Files.createTempDirectory("jxen-hostfile-fuzz");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve("host.json");
            file.toFile().deleteOnExit(); // registered last, deleted first
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    void anyBytesOpenAHostOrAreRefused(byte[] input) throws IOException {
        Files.write(FILE, input);
        Leftovers before = Leftovers.now();
        try (Hypervisor host = PROVIDER.open(URI.create("test://" + FILE))) {
            assertEquals(0, host.listDomains().getFirst().id());
        } catch (JxenException e) {
            assertEquals(ErrorCode.INVALID_ARG, e.code(), e::getMessage);
            assertTrue(e.getMessage().startsWith(HostFile.describe(FILE) + ": "), e::getMessage);
        }
        assertEquals(before, Leftovers.now());
    }

    /**
     * What a host that was not stopped leaves in this JVM: its daemons' threads and sockets (only
     * sockets: the JVM opens jar files as it loads classes).
     */
    private record Leftovers(long daemonThreads, long sockets) {
        static Leftovers now() {
            long threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("fake-")).count();
            try (var fds = Files.list(Path.of("/proc/self/fd"))) {
                return new Leftovers(threads, fds.filter(Leftovers::isSocket).count());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static boolean isSocket(Path fd) {
            try {
                return Files.readSymbolicLink(fd).toString().startsWith("socket:");
            } catch (IOException gone) {
                return false; // the descriptor of the listing itself, closed by now
            }
        }
    }
}
