package org.jxen.libvirtjava;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.jxen.libvirtjava.SimulatedConnect.assertFails;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.testfixtures.host.SimDomain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connect: opening, lookups, listing and node information, compared with the simulated host. */
class ConnectTest {

    private final SimulatedConnect c = SimulatedConnect.defaultHost();
    private final SimDomain demo = c.host.domain("demo").orElseThrow();

    ConnectTest() throws LibvirtException {
    }

    @AfterEach
    void close() {
        c.close();
    }

    @Test
    void everyLookupFindsTheHostsDomain() throws LibvirtException {
        Domain[] found = {
            c.connect.domainLookupByName(demo.name()),
            c.connect.domainLookupByID(demo.id()),
            c.connect.domainLookupByUUID(demo.uuid()),
            c.connect.domainLookupByUUIDString(demo.uuid().toString()),
            c.connect.domainLookupByUUIDString(demo.uuid().toString().replace("-", "").toUpperCase()),
            c.connect.domainLookupByUUID(uuidBytes(demo.uuid())),
        };
        for (Domain d : found) {
            assertEquals(demo.name(), d.getName());
            assertEquals(demo.id(), d.getID());
            assertEquals(demo.uuid().toString(), d.getUUIDString());
            assertArrayEquals(uuidBytes(demo.uuid()), d.getUUID());
            assertSame(c.connect, d.getConnect());
        }
    }

    /** The UUID's bytes in the order of its text, widened to 0-255. */
    private static int[] uuidBytes(UUID uuid) {
        byte[] bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
        int[] ints = new int[16];
        for (int i = 0; i < 16; i++) {
            ints[i] = bytes[i] & 0xFF;
        }
        return ints;
    }

    @Test
    void lookupsOfAMissingDomainAreNoDomain() {
        assertFails(ErrorCode.NO_DOMAIN, () -> c.connect.domainLookupByName("nope"), "nope");
        assertFails(ErrorCode.NO_DOMAIN, () -> c.connect.domainLookupByID(7), "7");
        UUID absent = new UUID(7, 7);
        assertFails(ErrorCode.NO_DOMAIN, () -> c.connect.domainLookupByUUID(absent), absent.toString());
        assertFails(ErrorCode.NO_DOMAIN, () -> c.connect.domainLookupByUUIDString(absent.toString()), absent.toString());
    }

    @Test
    void badIdsAndUuidsAreInvalidNamingTheValue() {
        assertFails(ErrorCode.INVALID_ARG, () -> c.connect.domainLookupByID(-1), "-1", "0-32751");
        assertFails(ErrorCode.INVALID_ARG, () -> c.connect.domainLookupByUUIDString("4dea22b3-xyz"), "4dea22b3-xyz");
        assertFails(ErrorCode.INVALID_ARG, () -> c.connect.domainLookupByUUID(new int[15]), "15", "16");
        assertFails(ErrorCode.INVALID_ARG, () -> c.connect.domainLookupByUUID(new int[] {256}), "uuid[0]", "256");
    }

    @Test
    void nullsAreInvalidNamingTheParameter() {
        assertFails(ErrorCode.INVALID_ARG, () -> c.connect.domainLookupByName(null), "name");
        assertFails(ErrorCode.INVALID_ARG, () -> c.connect.domainLookupByUUID((UUID) null), "uuid");
        assertFails(ErrorCode.INVALID_ARG, () -> c.connect.domainLookupByUUID((int[]) null), "uuid");
        assertFails(ErrorCode.INVALID_ARG, () -> c.connect.domainLookupByUUIDString(null), "uuid");
        assertFails(ErrorCode.INVALID_ARG, () -> Connect.wrap(null), "hypervisor");
        assertFails(ErrorCode.INVALID_ARG, () -> new Connect(null), "uri");
    }

    @Test
    void listDomainsGivesTheHostsIds() throws LibvirtException {
        int[] expected = c.host.domains().stream().mapToInt(SimDomain::id).toArray();
        assertArrayEquals(expected, c.connect.listDomains());
    }

    @Test
    void nodeInfoHasTheHostsShape() throws LibvirtException {
        NodeInfo node = c.connect.nodeInfo();
        assertEquals(c.host.onlineCpus(), node.cpus);
        assertEquals(c.host.hostCpus(), node.hostCpus());
        assertEquals(1, node.nodes);
        assertEquals(c.host.onlineCpus(), node.maxCpus(), "one node, one socket, a core per CPU, one thread each");
        assertEquals(2400, node.mhz);
        assertEquals((1L << 22) * 4, node.memory);
        assertEquals("", node.model);
    }

    @Test
    void closingAWrappedConnectionLeavesItOpen() throws LibvirtException {
        assertEquals(0, c.connect.close());
        assertEquals(demo.name(), c.connect.domainLookupByID(demo.id()).getName());
        assertSame(c.connect.getHypervisor(), c.connect.getHypervisor());
    }

    @Test
    void anUnknownOrMalformedUriIsInvalid() {
        assertFails(ErrorCode.INVALID_ARG, () -> new Connect("bogus:///"), "bogus:///", "xen:///");
        assertFails(ErrorCode.INVALID_ARG, () -> new Connect("xen:// /"), "xen:// /");
    }

    @Test
    void xenWithoutXenIsNoSupportWrapped() {
        assumeFalse(Files.exists(Path.of("/dev/xen/privcmd")), "this machine runs Xen");
        LibvirtException e = assertFails(ErrorCode.NO_SUPPORT, () -> new Connect("xen:///"));
        assertEquals(JxenException.class, e.getCause().getClass());
    }
}
