package org.jxen.xend;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** xend's TCP listener (port 8000 by default) speaks the same HTTP as its unix socket. */
class TcpTransportTest {

    private static final String NODE = "(node (system Linux) (nr_cpus 8) (nr_nodes 1) (cores_per_socket 4) "
            + "(threads_per_core 2) (cpu_mhz 2400) (total_memory 4096) (free_memory 1024) "
            + "(xen_major 4) (xen_minor 1) (xen_extra .2) (xend_config_format 4))";

    @Test
    void readsNodeInfoOverTcp() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> request = CompletableFuture.supplyAsync(() -> serveOnce(server));
            XendClient client = XendClient.create(new XendEndpoint.Tcp("127.0.0.1", server.getLocalPort()));
            XendNode node = client.node();
            assertEquals(8, node.nrCpus());
            assertEquals(4, node.xenMajor());
            assertEquals(1, node.xenMinor());
            assertEquals(4, node.xendConfigFormat());
            List<String> lines = request.get();
            assertEquals("GET /xend/node HTTP/1.1", lines.getFirst());
        }
    }

    @Test
    void aClosedPortIsAConnectFailure() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        XendClient client = XendClient.create(new XendEndpoint.Tcp("127.0.0.1", port));
        XendException e = assertThrows(XendException.class, client::node);
        assertEquals(XendException.Kind.CONNECT_FAILED, e.kind());
    }

    private static List<String> serveOnce(ServerSocket server) {
        try (Socket s = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), US_ASCII));
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                lines.add(line);
            }
            byte[] body = NODE.getBytes(US_ASCII);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-type: application/sxp\r\nContent-length: " + body.length
                    + "\r\n\r\n").getBytes(US_ASCII));
            out.write(body);
            out.flush();
            return lines;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
