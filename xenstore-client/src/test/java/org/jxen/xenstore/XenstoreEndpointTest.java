package org.jxen.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding xenstored as libxenstore does, with real socket and regular files. */
class XenstoreEndpointTest {
    @TempDir
    Path dir;

    @Test
    void xenstoredPathNamingASocketIsTheSocket() throws IOException {
        Path socket = dir.resolve("socket");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertEquals(new XenstoreEndpoint.UnixSocket(socket),
                    XenstoreEndpoint.discover(Map.of("XENSTORED_PATH", socket.toString())::get));
        }
    }

    @Test
    void xenstoredPathNamingAnythingElseIsADevice() throws IOException {
        Path file = Files.createFile(dir.resolve("xenbus"));
        assertEquals(new XenstoreEndpoint.Device(file),
                XenstoreEndpoint.discover(Map.of("XENSTORED_PATH", file.toString())::get));
    }

    @Test
    void xenstoredPathWinsOverRundir() throws IOException {
        Path socket = dir.resolve("socket");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Path elsewhere = dir.resolve("elsewhere");
            assertEquals(new XenstoreEndpoint.Device(elsewhere), XenstoreEndpoint.discover(
                    Map.of("XENSTORED_PATH", elsewhere.toString(), "XENSTORED_RUNDIR", dir.toString())::get));
        }
    }

    @Test
    void rundirSocketIsUsedWhenItIsASocket() throws IOException {
        Path socket = dir.resolve("socket");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertEquals(new XenstoreEndpoint.UnixSocket(socket),
                    XenstoreEndpoint.discover(Map.of("XENSTORED_RUNDIR", dir.toString())::get));
        }
    }

    @Test
    void rundirWithoutASocketFallsBackToTheDevice() throws IOException {
        Files.createFile(dir.resolve("socket")); // a regular file is not a socket
        XenstoreEndpoint found = XenstoreEndpoint.discover(Map.of("XENSTORED_RUNDIR", dir.toString())::get);
        Path expected = Files.exists(Path.of("/dev/xen/xenbus")) ? Path.of("/dev/xen/xenbus") : Path.of("/proc/xen/xenbus");
        assertEquals(new XenstoreEndpoint.Device(expected), found);
    }
}
