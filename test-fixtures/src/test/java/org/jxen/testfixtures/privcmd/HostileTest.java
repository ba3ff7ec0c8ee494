package org.jxen.testfixtures.privcmd;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jxen.hypercall.Affinity;
import org.jxen.hypercall.Errno;
import org.jxen.hypercall.HypercallBuffer;
import org.jxen.hypercall.HypercallException;
import org.jxen.hypercall.Operation;
import org.jxen.hypercall.XenHypercalls;
import org.jxen.hypercall.abi.DomctlAbi;
import org.jxen.hypercall.abi.XenRelease;
import org.jxen.testfixtures.host.SimulatedHost;

/** Bad input through the API, and malformed structs written straight into the fake's memory. */
class HostileTest {

    private final SimulatedHost host = Hosts.host(17, 4096);
    private final FakePrivcmd fake = new FakePrivcmd(host);
    private final XenHypercalls xen = XenHypercalls.connect(fake);
    private final DomctlAbi abi = XenRelease.of(4, 17).orElseThrow().domctl();
    private final RawDomctl raw = new RawDomctl(fake, abi);

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void badIdsAreRefusedBeforeAnythingIsSent() {
        long before = fake.calls(Operation.DOMCTL_GETVCPUINFO);
        Hosts.assertMentions(assertThrows(IllegalArgumentException.class, () -> xen.vcpuInfo(3, -1)), "vCPU -1");
        assertThrows(IllegalArgumentException.class, () -> xen.vcpuInfo(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> xen.vcpuInfo(0x7FF0, 0)); // DOMID_SELF and up
        assertThrows(IllegalArgumentException.class, () -> xen.vcpuAffinity(3, Integer.MIN_VALUE, Affinity.HARD));
        assertThrows(IllegalArgumentException.class, () -> xen.vcpuAffinities(3, -1));
        assertThrows(IllegalArgumentException.class, () -> xen.vcpuAffinities(0x7FF0, 0));
        assertThrows(IllegalArgumentException.class, () -> xen.setVcpuAffinity(3, -5, Affinity.SOFT, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> xen.maxVcpus(3, 0));
        assertThrows(IllegalArgumentException.class, () -> xen.domainInfoList(0, 0));
        assertEquals(before, fake.calls(Operation.DOMCTL_GETVCPUINFO));
    }

    @Test
    void vcpusBeyondTheDomainAreXensErrors() {
        for (int vcpu : new int[] {4, 5, 4096, Integer.MAX_VALUE}) {
            assertEquals(Errno.EINVAL.number(), assertThrows(HypercallException.class, () -> xen.vcpuInfo(3, vcpu)).errnoNumber());
            assertEquals(Errno.EINVAL.number(), assertThrows(HypercallException.class,
                    () -> xen.vcpuAffinity(3, vcpu, Affinity.HARD)).errnoNumber());
            assertEquals(Errno.EINVAL.number(), assertThrows(HypercallException.class, () -> xen.vcpuAffinities(3, vcpu)).errnoNumber());
            assertEquals(Errno.EINVAL.number(), assertThrows(HypercallException.class,
                    () -> xen.setVcpuAffinity(3, vcpu, Affinity.HARD, new byte[] {1})).errnoNumber());
        }
    }

    @Test
    void aDomainGoneBetweenCallsIsNoSuchDomain() {
        assertEquals(3, xen.domainInfo(3).domain());
        xen.vcpuInfo(3, 0);
        host.destroyDomain(3);
        HypercallException e = assertThrows(HypercallException.class, () -> xen.vcpuInfo(3, 0));
        assertEquals(Errno.ESRCH.number(), e.errnoNumber());
        Hosts.assertMentions(e, "getvcpuinfo", "domain 3", "vCPU 0", "ESRCH");
        assertEquals(Errno.ESRCH.number(), assertThrows(HypercallException.class, () -> xen.vcpuAffinity(3, 0, Affinity.HARD)).errnoNumber());
        HypercallException both = assertThrows(HypercallException.class, () -> xen.vcpuAffinities(3, 0));
        Hosts.assertMentions(both, "getvcpuaffinity", "domain 3", "vCPU 0", "ESRCH");
        // Xen 4.17 answers getdomaininfo for domain 7 instead; the client notices.
        HypercallException info = assertThrows(HypercallException.class, () -> xen.domainInfo(3));
        assertEquals(Errno.ESRCH.number(), info.errnoNumber());
        Hosts.assertMentions(info, "getdomaininfo", "domain 3", "ESRCH", "domain 7");
        host.destroyDomain(7);
        assertEquals(Errno.ESRCH.number(), assertThrows(HypercallException.class, () -> xen.domainInfo(3)).errnoNumber());
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 7, 8, 9, 63, 64, 65, 511, 512})
    void mapsOfAnySizeUpToTheHostsArePaddedWithZeros(int length) {
        byte[] map = new byte[length];
        Arrays.fill(map, (byte) 0x5A);
        byte[] expected = Arrays.copyOf(map, 512);
        assertArrayEquals(expected, xen.setVcpuAffinity(3, 1, Affinity.HARD, map));
        assertArrayEquals(expected, xen.vcpuAffinity(3, 1, Affinity.HARD));
    }

    @Test
    void anEmptyMapIsXensEinvalAndALongerMapIsRefused() {
        assertEquals(Errno.EINVAL.number(), assertThrows(HypercallException.class,
                () -> xen.setVcpuAffinity(3, 1, Affinity.HARD, new byte[0])).errnoNumber());
        assertEquals(Errno.EINVAL.number(), assertThrows(HypercallException.class,
                () -> xen.setVcpuAffinity(3, 1, Affinity.HARD, new byte[512])).errnoNumber());
        long before = fake.calls(Operation.DOMCTL_SETVCPUAFFINITY);
        for (int length : new int[] {513, 1024, 8192}) {
            assertThrows(IllegalArgumentException.class,
                    () -> xen.setVcpuAffinity(3, 1, Affinity.HARD, new byte[length]));
        }
        assertEquals(before, fake.calls(Operation.DOMCTL_SETVCPUAFFINITY));
    }

    @Test
    void rawNrBitsIsHonouredAsXenDoes() {
        try (HypercallBuffer buf = fake.lease(abi.size() + 64)) {
            MemorySegment d = buf.data();
            long map = d.address() + abi.size();
            d.asSlice(abi.size(), 4).fill((byte) 0xFF);
            // set with nr_bits 13: bits past 13 are dropped on the way in, so 13 come back
            affinity(d, Operation.DOMCTL_SETVCPUAFFINITY, 1, DomctlAbi.VCPUAFFINITY_HARD, map, 13);
            assertEquals(0, raw.issue(buf, d));
            assertArrayEquals(new byte[] {(byte) 0xFF, 0x1F, (byte) 0xFF, (byte) 0xFF},
                    d.asSlice(abi.size(), 4).toArray(JAVA_BYTE), "13 bits written back, bytes past them untouched");
            // get with 40 bits: the map as set, zero-filled
            d.asSlice(abi.size(), 5).fill((byte) 0xEE);
            affinity(d, Operation.DOMCTL_GETVCPUAFFINITY, 1, DomctlAbi.VCPUAFFINITY_HARD, map, 40);
            assertEquals(0, raw.issue(buf, d));
            assertArrayEquals(new byte[] {(byte) 0xFF, 0x1F, 0, 0, 0}, d.asSlice(abi.size(), 5).toArray(JAVA_BYTE));
            // get with 3 bits: nr_bits only counts bytes, so the first byte comes back whole
            d.asSlice(abi.size(), 2).fill((byte) 0xEE);
            affinity(d, Operation.DOMCTL_GETVCPUAFFINITY, 1, DomctlAbi.VCPUAFFINITY_HARD, map, 3);
            assertEquals(0, raw.issue(buf, d));
            assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xEE}, d.asSlice(abi.size(), 2).toArray(JAVA_BYTE),
                    "as Xen's bitmap_to_xenctl_bitmap: bits past nr_bits in its last byte are not cleared");
        }
    }

    @Test
    void malformedRequestsGetXensErrors() {
        try (HypercallBuffer buf = fake.lease(abi.size() + 8)) {
            MemorySegment d = buf.data();
            long map = d.address() + abi.size();
            affinity(d, Operation.DOMCTL_GETVCPUAFFINITY, 1, 0, map, 8);
            assertEquals(-Errno.EINVAL.number(), raw.issue(buf, d), "no flags");
            affinity(d, Operation.DOMCTL_GETVCPUAFFINITY, 1, DomctlAbi.VCPUAFFINITY_SOFT, map, 8);
            abi.softBitmap.set(d, 0);
            assertEquals(-Errno.EINVAL.number(), raw.issue(buf, d), "NULL soft bitmap");
            affinity(d, Operation.DOMCTL_GETVCPUAFFINITY, 1, DomctlAbi.VCPUAFFINITY_HARD, 0x1000, 8);
            assertEquals(-Errno.EFAULT.number(), raw.issue(buf, d), "bitmap outside any leased buffer");
            d.set(JAVA_BYTE, abi.size(), (byte) 1);
            affinity(d, Operation.DOMCTL_SETVCPUAFFINITY, 1, DomctlAbi.VCPUAFFINITY_HARD, map, 0xFFFF_FFFFL);
            assertEquals(-Errno.EFAULT.number(), raw.issue(buf, d), "nr_bits far past the buffer");
            affinity(d, Operation.DOMCTL_GETVCPUAFFINITY, 1, DomctlAbi.VCPUAFFINITY_HARD, map, 8);
            abi.affinityVcpu.set(d, 0xFFFF_FFFFL);
            assertEquals(-Errno.EINVAL.number(), raw.issue(buf, d), "vCPU -1 as Xen sees it");
            affinity(d, Operation.DOMCTL_GETVCPUAFFINITY, 1, DomctlAbi.VCPUAFFINITY_HARD, map, 8);
            abi.interfaceVersion.set(d, 0x14);
            assertEquals(-Errno.EACCES.number(), raw.issue(buf, d), "wrong interface version");
            abi.interfaceVersion.set(d, abi.version());
            abi.cmd.set(d, 999);
            assertEquals(-Errno.ENOSYS.number(), raw.issue(buf, d), "unknown domctl");
            abi.domain.set(d, 4);
            abi.cmd.set(d, Operation.DOMCTL_GETVCPUINFO.subop());
            assertEquals(-Errno.ESRCH.number(), raw.issue(buf, d), "no domain 4");
            RawDomctl.call(buf, Operation.DOMCTL_GETVCPUINFO.hypercall(), 0x1000);
            assertEquals(-Errno.EFAULT.number(), fake.hypercall(buf), "domctl struct outside any leased buffer");
            RawDomctl.call(buf, Operation.DOMCTL_GETVCPUINFO.hypercall(), d.address() + d.byteSize() - 16);
            assertEquals(-Errno.EFAULT.number(), fake.hypercall(buf), "domctl struct running past the buffer");
            RawDomctl.call(buf, 99, 0);
            assertEquals(-Errno.ENOSYS.number(), fake.hypercall(buf), "unknown hypercall");
        }
        HypercallBuffer closed = fake.lease(0);
        closed.close();
        assertEquals(-Errno.EFAULT.number(), fake.hypercall(closed), "a lease already given back");
    }

    /** One map: the soft one for SOFT alone, else the hard one. */
    private void affinity(MemorySegment d, Operation op, int vcpu, int flags, long map, long nrBits) {
        raw.affinity(d, op, vcpu, flags);
        raw.map(d, flags == DomctlAbi.VCPUAFFINITY_SOFT ? Affinity.SOFT : Affinity.HARD, map, nrBits);
    }
}
