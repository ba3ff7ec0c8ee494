package org.jxen.testfixtures.xenstored;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jxen.testfixtures.host.SimDomain;
import org.jxen.testfixtures.host.SimVcpu;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.xenstore.XenstoreClient;
import org.jxen.xenstore.XenstoreEndpoint;
import org.jxen.xenstore.XenstoreOptions;
import org.junit.jupiter.api.Test;

/** What setVcpus does on modern Xen: every availability node of a domain written in one transaction. */
class VcpuAvailabilityTest {

    @Test
    void oneTransactionOverEveryVcpuChangesTheSimulatedGuest() {
        SimulatedHost host = SimulatedHost.defaultHost();
        SimDomain demo = host.domain(1).orElseThrow();
        assertEquals(List.of(true, true, false, false), online(demo)); // 2 of 4 at start

        try (FakeXenstored daemon = FakeXenstored.start(host.xenstore());
                XenstoreClient xs = XenstoreClient.open(new XenstoreEndpoint.UnixSocket(daemon.socket()),
                        XenstoreOptions.defaults())) {
            setVcpus(xs, 1, 3);
            assertEquals(List.of(true, true, true, false), online(demo));
            assertEquals(3, demo.onlineVcpus());

            setVcpus(xs, 1, 1);
            assertEquals(List.of(true, false, false, false), online(demo));
            assertEquals("offline", xs.readString("/local/domain/1/cpu/3/availability"));
        }
    }

    /** Writes online for vCPUs below {@code count} and offline for the rest, all in one transaction. */
    private static void setVcpus(XenstoreClient xs, int domid, int count) {
        String cpus = xs.domainPath(domid) + "/cpu";
        xs.transaction(tx -> {
            for (String n : tx.directory(cpus)) {
                tx.write(cpus + "/" + n + "/availability", Integer.parseInt(n) < count ? "online" : "offline");
            }
            return null;
        });
    }

    private static List<Boolean> online(SimDomain domain) {
        return domain.vcpus().stream().map(SimVcpu::online).toList();
    }
}
