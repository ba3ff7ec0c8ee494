package org.jxen.xen;

import static org.jxen.xen.DriverTest.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.jxen.Backend;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.NodeInfo;

/** What a backend reports of the host, bounded before it is believed; the topology arithmetic. */
class HostReportTest {

    private static HostReport report(long cpus, long maxCpuId, long nodes, long cores, long threads) {
        return new HostReport(Backend.XEND, cpus, maxCpuId, nodes, cores, threads, 2400, 1 << 20, "4.4.4");
    }

    @Test
    void socketsAreCpusOverNodesCoresAndThreads() {
        NodeInfo node = report(64, 127, 2, 8, 2).toNodeInfo();
        assertEquals(2, node.sockets());
        assertEquals(128, node.hostCpus());
        assertEquals(4, report(4, 3, 0, 0, 0).toNodeInfo().sockets(), "0 is unknown, read as 1: a socket per CPU");
    }

    @Test
    void aTopologyWhoseProductOverflowsIsOneSocketNotADivisionByZero() {
        // 65536 * 65536 overflowed an int to 0 and nodeInfo() threw "/ by zero".
        NodeInfo node = report(65_536, 65_535, 65_536, 65_536, 65_536).toNodeInfo();
        assertEquals(1, node.sockets());
        assertEquals(65_536, node.cores());
    }

    @Test
    void impossibleNumbersAreTheBackendsFaultNamingTheField() {
        assertBad(report(-1, 0, 1, 1, 1), "nr_cpus", "-1");
        assertBad(report(0, 0, 1, 1, 1), "nr_cpus", "0");
        assertBad(report(8, 6, 1, 1, 1), "max_cpu_id", "6");
        assertBad(report(8, 7, -2, 1, 1), "nr_nodes", "-2");
        assertBad(report(8, 7, 1, 9, 1), "cores_per_socket", "9");
        assertBad(new HostReport(Backend.HYPERCALL, 8, 7, 1, 1, 1, -5, 0, "4.17.0"), "cpu_mhz", "-5");
        assertBad(new HostReport(Backend.HYPERCALL, 8, 7, 1, 1, 1, 1, HostReport.kib(Long.MAX_VALUE / 2, 4), "4.17.0"),
                "total_memory", "-1");
    }

    private static void assertBad(HostReport report, String field, String value) {
        JxenException e = assertCode(ErrorCode.OPERATION_FAILED, report::toNodeInfo);
        assertEquals(Optional.of(report.from()), e.backend());
        assertEquals(Optional.of(field), e.detail());
        assertTrue(e.getMessage().contains(field + " " + value), e.getMessage());
    }
}
