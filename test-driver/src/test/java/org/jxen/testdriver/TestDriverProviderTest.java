package org.jxen.testdriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.DomainIdentity;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.JxenException;
import org.jxen.NodeInfo;
import org.jxen.VcpuCount;
import org.jxen.VcpuInfo;
import org.jxen.VcpuState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** test:/// URIs through {@link Hypervisor#open(URI)}: the driver is found, and answers as the host is. */
class TestDriverProviderTest {

    private static final UUID DEMO_UUID = UUID.fromString("4dea22b3-1d52-d8f3-2516-782e98ab3fa0");

    @Test
    void defaultHostIsWhatTheIssueDescribes() {
        try (Hypervisor h = Hypervisor.open(URI.create("test:///default"))) {
            NodeInfo node = h.nodeInfo();
            assertEquals(16, node.cpus());
            assertEquals(15, node.maxCpuId());
            assertEquals("4.17.0", node.xenVersion());
            assertEquals(List.of(new DomainIdentity(0, "Domain-0", new UUID(0, 0)), new DomainIdentity(1, "demo", DEMO_UUID)),
                    h.listDomains());
            assertEquals(new VcpuCount(4, 4), h.domain0().vcpuCount());
            Domain demo = h.domain("demo");
            assertEquals(new VcpuCount(2, 4), demo.vcpuCount());
            List<VcpuInfo> vcpus = demo.vcpus();
            assertEquals(List.of(0, 1, 2, 3), vcpus.stream().map(VcpuInfo::number).toList());
            assertEquals(List.of(false, false, true, true), vcpus.stream().map(v -> v.state() == VcpuState.OFFLINE).toList());
            assertEquals(CpuMap.all(16), vcpus.get(0).hardAffinity());
            assertEquals(DEMO_UUID, h.domain(DEMO_UUID).identity().uuid());
        }
    }

    @Test
    void eachOpenIsAFreshHost() {
        try (Hypervisor first = Hypervisor.open(URI.create("test:///default"))) {
            first.domain("demo").setVcpus(3);
            assertEquals(3, first.domain(1).vcpuCount().current());
            try (Hypervisor second = Hypervisor.open(URI.create("test:///default"))) {
                assertEquals(2, second.domain(1).vcpuCount().current());
            }
        }
    }

    @Test
    void bigHostFileWith4096Cpus() {
        Path file = Path.of("examples/big-host.json").toAbsolutePath();
        try (Hypervisor h = Hypervisor.open(URI.create("test://" + file))) {
            NodeInfo node = h.nodeInfo();
            assertEquals(4096, node.cpus());
            assertEquals(4095, node.maxCpuId());
            assertEquals("4.19.0", node.xenVersion());
            assertEquals(List.of("Domain-0", "db", "web"), h.listDomains().stream().map(DomainIdentity::name).toList());
            Domain db = h.domain(3);
            assertEquals(new VcpuCount(128, 256), db.vcpuCount());
            db.pinVcpu(200, CpuMap.parse("4000-4095", 4096));
            VcpuInfo pinned = db.vcpus().get(200);
            assertEquals("4000-4095", pinned.hardAffinity().toString());
            assertEquals(VcpuState.OFFLINE, pinned.state());
        }
    }

    /** That a closed host has removed its files is SimulatedXenTest's; here, that closing the connection closes it. */
    @Test
    void closeClosesTheHost() {
        HostConnection h = (HostConnection) Hypervisor.open(URI.create("test:///default"));
        h.close();
        assertThrows(IllegalStateException.class, h.host()::connect);
        h.close(); // harmless twice
        assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(JxenException.class, h::nodeInfo).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"test:///", "test:///nothing", "test:///tmp/host.txt", "test://somehost/default",
        "test:default", "test:///default?x=1", "test:///default#frag"})
    void badTestUrisSayWhatIsAccepted(String uri) {
        JxenException e = assertThrows(JxenException.class, () -> Hypervisor.open(URI.create(uri)));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        for (String named : List.of("'" + uri + "'", "test:///default", "test:///ABSOLUTE/PATH.json")) {
            assertTrue(e.getMessage().contains(named), e.getMessage());
        }
    }

    @Test
    void classPathServiceFileNamesTheProvider() throws IOException {
        try (InputStream in = TestDriverProvider.class.getResourceAsStream(
                "/META-INF/services/org.jxen.spi.HypervisorProvider")) {
            assertEquals(TestDriverProvider.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }
}
