package org.jxen.testfixtures.xend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jxen.testfixtures.host.SimDomain;
import org.jxen.testfixtures.host.SimVcpu;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.xend.XendClient;
import org.jxen.xend.XendDomain;
import org.jxen.xend.XendEndpoint;
import org.jxen.xend.XendException;
import org.jxen.xend.XendNode;
import org.jxen.xend.XendVcpu;
import org.jxen.xend.XendVcpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** XendClient against the fake xend, backed by the default simulated host. */
class XendClientTest {

    private static final UUID DEMO_UUID = UUID.fromString("4dea22b3-1d52-d8f3-2516-782e98ab3fa0");

    @TempDir
    Path dir;

    private SimulatedHost host;
    private FakeXend xend;
    private XendClient client;

    @BeforeEach
    void start() throws IOException {
        host = SimulatedHost.defaultHost();
        xend = FakeXend.start(host, dir);
        client = XendClient.create(new XendEndpoint.Unix(xend.socketPath()),
                new XendClient.Options(Duration.ofMillis(500), Duration.ofMillis(400), 1 << 20));
    }

    @AfterEach
    void stop() {
        xend.close();
    }

    private SimDomain demo() {
        return host.domain("demo").orElseThrow();
    }

    private static BitSet cpus(int... numbers) {
        BitSet b = new BitSet();
        for (int n : numbers) {
            b.set(n);
        }
        return b;
    }

    private String availability(int domid, int vcpu) {
        return new String(host.xenstore().read("/local/domain/" + domid + "/cpu/" + vcpu + "/availability").orElseThrow(),
                StandardCharsets.US_ASCII);
    }

    @Test
    void listsDomainNames() {
        assertEquals(List.of("Domain-0", "demo"), client.domainNames());
        XendRequest r = xend.requests().getFirst();
        assertEquals("GET", r.method());
        assertEquals("/xend/domain", r.target());
        assertEquals("application/sxp", r.headers().get("accept"));
    }

    @Test
    void listsDomainsInDetail() {
        List<XendDomain> all = client.domains();
        assertEquals(List.of(0, 1), all.stream().map(d -> d.domid().orElseThrow()).toList());
        assertEquals(List.of("Domain-0", "demo"), all.stream().map(XendDomain::name).toList());
        assertEquals("/xend/domain?detail=1", xend.requests().getFirst().target());
    }

    @Test
    void looksUpADomainByNameIdAndUuid() {
        XendDomain byName = client.domain("demo");
        assertEquals(1, byName.domid().orElseThrow());
        assertEquals(DEMO_UUID, byName.uuid());
        assertEquals(4, byName.maxVcpus());
        assertEquals(BigInteger.valueOf(0b0011), byName.vcpuAvail(), "vCPUs 0 and 1 online at start");
        assertEquals(2, byName.onlineVcpus().orElseThrow());
        assertTrue(byName.cpuTimeNs().isPresent());
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of()), byName.cpus(), "no vCPU restricted yet");
        assertEquals("demo", client.domain("1").name());
        assertEquals("demo", client.domain(DEMO_UUID.toString()).name());
        assertEquals("Domain-0", client.domain("0").name());
    }

    @Test
    void unknownDomainIsNoSuchDomain() {
        XendException e = assertThrows(XendException.class, () -> client.domain("nosuch"));
        assertEquals(XendException.Kind.NO_SUCH_DOMAIN, e.kind());
        assertEquals(404, e.status());
        assertEquals(XendException.Kind.NO_SUCH_DOMAIN, assertThrows(XendException.class, () -> client.vcpuInfo("42")).kind());
        assertEquals(XendException.Kind.NO_SUCH_DOMAIN, assertThrows(XendException.class, () -> client.setVcpus("nosuch", 1)).kind());
    }

    @Test
    void readsVcpuInfo() {
        SimDomain demo = demo();
        demo.vcpu(0).setHardAffinity(cpus(2, 3));
        XendVcpus info = client.vcpuInfo("demo");
        assertEquals("/xend/domain/demo?op=vcpuinfo", xend.requests().getFirst().target());
        assertEquals("GET", xend.requests().getFirst().method());
        assertEquals(1, info.domid().orElseThrow());
        assertEquals("demo", info.name());
        assertEquals(4, info.vcpuCount());
        assertEquals(4, info.vcpus().size());
        for (XendVcpu v : info.vcpus()) {
            SimVcpu sim = demo.vcpu(v.number());
            assertEquals(sim.online(), v.online(), "online " + v.number());
            assertEquals(sim.blocked(), v.blocked(), "blocked " + v.number());
            assertEquals(sim.running(), v.running(), "running " + v.number());
            assertEquals(sim.pcpu(), v.cpu(), "cpu " + v.number());
            assertEquals(sim.hardAffinity().stream().boxed().toList(), v.cpumap(), "cpumap " + v.number());
            assertTrue(v.cpuTimeNs() >= 0 && v.cpuTimeNs() <= sim.cpuTimeNs(), "cpu time " + v.number());
        }
        assertEquals(List.of(2, 3), info.vcpus().get(0).cpumap());
        assertEquals(List.of(true, true, false, false), info.vcpus().stream().map(XendVcpu::online).toList());
    }

    @Test
    void pinsAVcpuAndTheHostSeesIt() {
        client.pinVcpu("demo", 1, cpus(0, 1, 3));
        assertEquals(cpus(0, 1, 3), demo().vcpu(1).hardAffinity());
        XendRequest pin = xend.requests().getLast();
        assertEquals("POST", pin.method());
        assertEquals("/xend/domain/demo", pin.target());
        assertEquals(Map.of("op", List.of("pincpu"), "vcpu", List.of("1"), "cpumap", List.of("0,1,3")), pin.args());
        assertEquals(List.of(List.of(), List.of(0, 1, 3), List.of(), List.of()), client.domain("demo").cpus());
    }

    @Test
    void pinThatXenRefusesIsAXendErrorAndChangesNothing() {
        List<BitSet> before = demo().vcpus().stream().map(SimVcpu::hardAffinity).toList();
        XendException e = assertThrows(XendException.class, () -> client.pinVcpu("demo", 7, cpus(0)));
        assertEquals(XendException.Kind.XEND_ERROR, e.kind());
        assertEquals(500, e.status());
        assertEquals("Cannot pin vcpu: 7 to cpu: [0] - (22, 'Invalid argument')", e.xendMessage());
        assertEquals(before, demo().vcpus().stream().map(SimVcpu::hardAffinity).toList());
    }

    @Test
    void emptyCpuSetIsRefusedBeforeAnyRequest() {
        BitSet before = demo().vcpu(0).hardAffinity();
        assertThrows(IllegalArgumentException.class, () -> client.pinVcpu("demo", 0, new BitSet()));
        assertEquals(List.of(), xend.requests());
        assertEquals(before, demo().vcpu(0).hardAffinity());
    }

    @Test
    void cpuBeyondTheHostIsRefusedWithoutSendingThePin() {
        BitSet before = demo().vcpu(0).hardAffinity();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.pinVcpu("demo", 0, cpus(1, 16)));
        assertTrue(e.getMessage().contains("CPU 16"), e.getMessage());
        assertEquals(before, demo().vcpu(0).hardAffinity());
    }

    @Test
    void everyPinReadsTheHostSizeFirstAndNeverSendsABadPin() {
        client.node();
        xend.clearRequests();
        assertThrows(IllegalArgumentException.class, () -> client.pinVcpu("demo", 0, cpus(99)));
        assertEquals(List.of("/xend/node"), xend.requests().stream().map(XendRequest::target).toList(),
                "the client caches nothing of the host: the connection above it owns the host's size");
    }

    @Test
    void negativeVcpuIsRefusedBeforeAnyRequest() {
        assertThrows(IllegalArgumentException.class, () -> client.pinVcpu("demo", -1, cpus(0)));
        assertEquals(List.of(), xend.requests());
    }

    @Test
    void setVcpusWritesAvailabilityAndTheGuestFollows() {
        client.setVcpus("demo", 3);
        assertEquals(List.of("online", "online", "online", "offline"),
                List.of(availability(1, 0), availability(1, 1), availability(1, 2), availability(1, 3)));
        assertEquals(3, demo().onlineVcpus());
        XendRequest r = xend.requests().getLast();
        assertEquals(Map.of("op", List.of("set_vcpus"), "vcpus", List.of("3")), r.args());
        assertEquals(BigInteger.valueOf(0b0111), client.domain("demo").vcpuAvail());
        client.setVcpus("1", 1);
        assertEquals(1, demo().onlineVcpus());
    }

    @Test
    void setVcpusAboveTheMaximumIsXendsError() {
        XendException e = assertThrows(XendException.class, () -> client.setVcpus("demo", 5));
        assertEquals(XendException.Kind.XEND_ERROR, e.kind());
        assertEquals(500, e.status());
        assertEquals("Cannot set vcpus greater than max vcpus on running domain", e.xendMessage());
        assertEquals(2, demo().onlineVcpus());
        assertEquals("offline", availability(1, 2));
    }

    @Test
    void setVcpusBelowOneIsRefusedBeforeAnyRequest() {
        assertThrows(IllegalArgumentException.class, () -> client.setVcpus("demo", 0));
        assertEquals(List.of(), xend.requests());
        assertEquals(2, demo().onlineVcpus());
    }

    @Test
    void readsNodeInfo() {
        XendNode node = client.node();
        assertEquals(new XendNode(16, 1, 8, 2, 2400, 16384, 4, 17, ".0", 4), node);
    }

    @Test
    void hostileDomainNamesStayInOneSegmentOrAreRefused() throws IOException {
        host.createDomain(7, "../node", UUID.randomUUID(), 1, 1);
        host.createDomain(8, "a?b", UUID.randomUUID(), 1, 1);
        host.createDomain(9, "%2e", UUID.randomUUID(), 1, 1);
        host.createDomain(10, "a/b", UUID.randomUUID(), 1, 1);
        host.createDomain(11, "with space", UUID.randomUUID(), 1, 1);
        host.createDomain(12, "caf\u00e9 \u65e5\u672c", UUID.randomUUID(), 1, 1);
        host.createDomain(13, "..", UUID.randomUUID(), 1, 1);
        Map<String, String> expectedTargets = Map.of(
                "../node", "/xend/domain/%2E%2E%2Fnode",
                "a?b", "/xend/domain/a%3Fb",
                "%2e", "/xend/domain/%252e",
                "a/b", "/xend/domain/a%2Fb",
                "with space", "/xend/domain/with%20space",
                "caf\u00e9 \u65e5\u672c", "/xend/domain/caf%C3%A9%20%E6%97%A5%E6%9C%AC",
                "..", "/xend/domain/%2E%2E");
        for (Map.Entry<String, String> e : expectedTargets.entrySet()) {
            xend.clearRequests();
            assertEquals(e.getKey(), client.domain(e.getKey()).name(), "the domain itself, not another URL");
            XendRequest r = xend.requests().getFirst();
            assertEquals(e.getValue(), r.target());
            assertEquals(List.of("xend", "domain", e.getKey()), r.segments());
        }
        xend.clearRequests();
        assertThrows(IllegalArgumentException.class, () -> client.domain(""));
        assertThrows(IllegalArgumentException.class, () -> client.setVcpus("", 1));
        assertThrows(IllegalArgumentException.class, () -> client.domain("bad\ud800"));
        assertEquals(List.of(), xend.requests());
    }

    @Test
    void chunkedRepliesAreDecoded() {
        xend.fault(FakeXend.Fault.CHUNKED);
        assertEquals(List.of("Domain-0", "demo"), client.domainNames());
        assertEquals(4, client.vcpuInfo("demo").vcpus().size());
        client.setVcpus("demo", 4);
        assertEquals(4, demo().onlineVcpus());
    }

    @Test
    void errorUnder200IsAXendError() {
        xend.fault(FakeXend.Fault.ERROR_UNDER_200);
        XendException e = assertThrows(XendException.class, () -> client.setVcpus("demo", 3));
        assertEquals(XendException.Kind.XEND_ERROR, e.kind());
        assertEquals(200, e.status());
        assertEquals("Simulated failure while rendering", e.xendMessage());
        assertEquals(2, demo().onlineVcpus());
    }

    @Test
    void droppedConnectionIsAProtocolError() {
        xend.fault(FakeXend.Fault.DROP_MID_REPLY);
        assertEquals(XendException.Kind.PROTOCOL_ERROR, assertThrows(XendException.class, () -> client.node()).kind());
    }

    @Test
    void truncatedBodyIsAProtocolError() {
        xend.fault(FakeXend.Fault.TRUNCATED_BODY);
        XendException e = assertThrows(XendException.class, () -> client.node());
        assertEquals(XendException.Kind.PROTOCOL_ERROR, e.kind());
        assertTrue(e.getMessage().contains("17 of 100"), e.getMessage());
    }

    @Test
    void oversizedBodyIsRefusedWithoutReadingIt() {
        xend.fault(FakeXend.Fault.OVERSIZED_BODY);
        XendException e = assertThrows(XendException.class, () -> client.domainNames());
        assertEquals(XendException.Kind.PROTOCOL_ERROR, e.kind());
        assertTrue(e.getMessage().contains("exceeds the limit of 1048576 bytes"), e.getMessage());
    }

    @Test
    void garbageIsAProtocolError() {
        xend.fault(FakeXend.Fault.GARBAGE);
        XendException e = assertThrows(XendException.class, () -> client.domainNames());
        assertEquals(XendException.Kind.PROTOCOL_ERROR, e.kind());
        assertTrue(e.getMessage().contains("not an HTTP/1.x status line"), e.getMessage());
    }

    @Test
    void stalledServerTimesOutAndFreesTheCaller() {
        xend.fault(FakeXend.Fault.STALL);
        XendException e = assertThrows(XendException.class, () -> client.vcpuInfo("demo"));
        assertEquals(XendException.Kind.TIMEOUT, e.kind());
        xend.fault(FakeXend.Fault.NONE);
        assertEquals("demo", client.domain("demo").name(), "the next call works");
    }

    @Test
    void tricklingServerCannotHoldTheCallerPastTheDeadline() {
        xend.fault(FakeXend.Fault.TRICKLE);
        assertEquals(XendException.Kind.TIMEOUT, assertThrows(XendException.class, () -> client.domainNames()).kind());
    }

    @Test
    void stalledPinChangesNothing() {
        client.node();
        xend.fault(FakeXend.Fault.STALL);
        BitSet before = demo().vcpu(2).hardAffinity();
        assertEquals(XendException.Kind.TIMEOUT, assertThrows(XendException.class, () -> client.pinVcpu("demo", 2, cpus(5))).kind());
        assertEquals(before, demo().vcpu(2).hardAffinity());
    }

    @Test
    void absentXendIsAConnectFailure() {
        xend.close();
        XendException e = assertThrows(XendException.class, () -> client.domainNames());
        assertEquals(XendException.Kind.CONNECT_FAILED, e.kind());
        assertEquals(-1, e.status());
    }

    @Test
    void refusingXendIsAConnectFailureUntilItListensAgain() {
        xend.fault(FakeXend.Fault.REFUSE);
        assertTrue(Files.exists(xend.socketPath()), "a dead xend leaves its socket file");
        XendException e = assertThrows(XendException.class, () -> client.domainNames());
        assertEquals(XendException.Kind.CONNECT_FAILED, e.kind());
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        xend.fault(FakeXend.Fault.NONE);
        assertEquals("demo", client.domain("demo").name(), "xend restarted on the same socket");
    }

    @Test
    void everyRequestIsOneConnectionWithCloseAndNoBodyForGets() {
        client.domainNames();
        client.setVcpus("demo", 2);
        List<XendRequest> rs = xend.requests();
        assertEquals(2, rs.size());
        assertEquals("close", rs.get(0).headers().get("connection"));
        assertFalse(rs.get(0).headers().containsKey("content-length"));
        assertEquals("application/x-www-form-urlencoded", rs.get(1).headers().get("content-type"));
        assertEquals("op=set_vcpus&vcpus=2".length(), Integer.parseInt(rs.get(1).headers().get("content-length")));
    }

    @ParameterizedTest
    @EnumSource(value = FakeXend.Fault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aXendThatRecoversIsUsedAgainByTheSameClient(FakeXend.Fault fault) {
        xend.fault(fault);
        try {
            client.vcpuInfo("demo"); // CHUNKED and ERROR_UNDER_200 answer; the others fail
        } catch (XendException expected) {
            // a failure of its kind: what matters is the next call
        }
        xend.fault(FakeXend.Fault.NONE);
        assertEquals(4, client.vcpuInfo("demo").vcpus().size(), "each request opens its own connection");
    }
}
