package org.jxen.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.jxen.libvirt.VirAssertions.assertFailed;
import static org.jxen.libvirt.VirAssertions.assertSucceeded;

import java.util.List;
import java.util.stream.IntStream;
import org.jxen.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * virDomainSetVcpus over the real driver stack on the default host (Domain-0 4 of 4 vCPUs online,
 * demo 2 of 4); what changed is read from the simulated host: its vCPUs and its xenstore.
 */
class SetVcpusTest {

    private final SimulatedConnection c = SimulatedConnection.defaultHost();

    @AfterEach
    void close() {
        c.close();
        Libvirt.virResetLastError();
    }

    private List<String> availability(String domain) {
        return IntStream.range(0, 4).mapToObj(n -> c.availability(domain, n)).toList();
    }

    @Test
    void threeOnDemoBringsVcpu2Online() {
        assertSucceeded(0, c.virt.virDomainSetVcpus(c.domain("demo"), 3));
        assertEquals(3, c.host.domain("demo").orElseThrow().onlineVcpus());
        assertEquals(List.of("online", "online", "online", "offline"), availability("demo"));
        assertEquals(3, c.domain("demo").vcpuCount().current());
    }

    @Test
    void overTheMaximumFailsNamingTheValueAndTheRangeAndChangesNothing() {
        assertFailed(c.virt.virDomainSetVcpus(c.domain("demo"), 5), ErrorCode.INVALID_ARG, "5", "1-4");
        assertEquals(2, c.host.domain("demo").orElseThrow().onlineVcpus());
        assertEquals(List.of("online", "online", "offline", "offline"), availability("demo"));
    }

    @Test
    void zeroFailsWithLibvirtsMessageAndChangesNothing() {
        assertFailed(c.virt.virDomainSetVcpus(c.domain("demo"), 0), ErrorCode.INVALID_ARG, "nvcpus in virDomainSetVcpus must not be zero");
        assertEquals(List.of("online", "online", "offline", "offline"), availability("demo"));
    }

    @Test
    void aNullDomainIsDomain0() {
        assertSucceeded(0, c.virt.virDomainSetVcpus(null, 2));
        assertEquals(2, c.host.domain("Domain-0").orElseThrow().onlineVcpus());
        assertEquals(List.of("online", "online", "offline", "offline"), availability("Domain-0"));
        assertEquals(2, c.host.domain("demo").orElseThrow().onlineVcpus(), "demo untouched");
    }
}
