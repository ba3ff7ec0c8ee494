package org.jxen.testfixtures.privcmd;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.util.BitSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.jxen.hypercall.Affinity;
import org.jxen.hypercall.Errno;
import org.jxen.hypercall.HypercallBuffer;
import org.jxen.hypercall.Operation;
import org.jxen.hypercall.abi.DomctlAbi;
import org.jxen.hypercall.abi.XenRelease;
import org.jxen.testfixtures.host.SimVcpu;
import org.jxen.testfixtures.host.SimulatedHost;

/**
 * The flags of get/setvcpuaffinity, written straight into the fake's memory, against Xen 4.17's
 * vcpu_affinity_domctl: each flag reads or writes its own map through its own handle, both in one
 * call with HARD|SOFT; no flag is EINVAL. Both map areas start filled with a pattern, so a map
 * Xen must not write is seen untouched.
 */
class VcpuAffinityFlagsTest {

    private static final int HARD = DomctlAbi.VCPUAFFINITY_HARD;
    private static final int SOFT = DomctlAbi.VCPUAFFINITY_SOFT;
    /** XEN_VCPUAFFINITY_FORCE: undoes SCHEDOP_pin_override on set; asks for no map. */
    private static final int FORCE = 4;
    /** Outside every buffer the fake leased. */
    private static final long NOWHERE = 0x1000;
    /** The pattern a map area starts with. */
    private static final byte UNTOUCHED = (byte) 0xA5;
    /** 16 pCPUs. */
    private static final int MAP_BYTES = 2;
    private static final byte[] NOT_WRITTEN = {UNTOUCHED, UNTOUCHED};
    /** vCPU 1's hard affinity as set below: CPUs 0-3 and 15. */
    private static final byte[] HARD_MAP = {0x0F, (byte) 0x80};
    /** Its soft affinity: CPUs 2 and 9. */
    private static final byte[] SOFT_MAP = {0x04, 0x02};

    private final SimulatedHost host = Hosts.host(17, 16);
    private final FakePrivcmd fake = new FakePrivcmd(host);
    private final DomctlAbi abi = XenRelease.of(4, 17).orElseThrow().domctl();
    private final RawDomctl raw = new RawDomctl(fake, abi);
    private final SimVcpu vcpu = host.domain(3).orElseThrow().vcpu(1);

    VcpuAffinityFlagsTest() {
        vcpu.setHardAffinity(BitSet.valueOf(HARD_MAP));
        vcpu.setSoftAffinity(BitSet.valueOf(SOFT_MAP));
    }

    @AfterEach
    void close() {
        fake.close();
    }

    @ParameterizedTest(name = "flags {0}")
    @ValueSource(ints = {HARD, SOFT, HARD | SOFT})
    void getFillsTheMapsItsFlagsAskForAndNoOther(int flags) {
        try (HypercallBuffer buf = fake.lease(abi.size() + 2 * MAP_BYTES)) {
            MemorySegment d = request(buf, Operation.DOMCTL_GETVCPUAFFINITY, flags);
            long before = fake.calls(Operation.DOMCTL_GETVCPUAFFINITY);
            assertEquals(0, raw.issue(buf, d));
            assertEquals(before + 1, fake.calls(Operation.DOMCTL_GETVCPUAFFINITY));
            assertArrayEquals((flags & HARD) != 0 ? HARD_MAP : NOT_WRITTEN, map(d, Affinity.HARD));
            assertArrayEquals((flags & SOFT) != 0 ? SOFT_MAP : NOT_WRITTEN, map(d, Affinity.SOFT));
        }
    }

    static Stream<Arguments> noMapAskedFor() {
        // Xen checks for flags 0, not for HARD or SOFT: FORCE alone passes and asks for no map.
        return Stream.of(Arguments.of(0, -Errno.EINVAL.number()), Arguments.of(FORCE, 0));
    }

    @ParameterizedTest(name = "flags {0}")
    @MethodSource("noMapAskedFor")
    void getWithoutHardOrSoftWritesNoMap(int flags, long answer) {
        try (HypercallBuffer buf = fake.lease(abi.size() + 2 * MAP_BYTES)) {
            MemorySegment d = request(buf, Operation.DOMCTL_GETVCPUAFFINITY, flags);
            assertEquals(answer, raw.issue(buf, d));
            assertArrayEquals(NOT_WRITTEN, map(d, Affinity.HARD));
            assertArrayEquals(NOT_WRITTEN, map(d, Affinity.SOFT));
        }
    }

    @Test
    void onlyTheMapsAskedForNeedAHandle() {
        try (HypercallBuffer buf = fake.lease(abi.size() + 2 * MAP_BYTES)) {
            MemorySegment d = request(buf, Operation.DOMCTL_GETVCPUAFFINITY, HARD);
            raw.map(d, Affinity.SOFT, 0, 0);
            assertEquals(0, raw.issue(buf, d));
            assertArrayEquals(HARD_MAP, map(d, Affinity.HARD));

            d = request(buf, Operation.DOMCTL_GETVCPUAFFINITY, SOFT);
            raw.map(d, Affinity.HARD, 0, 0);
            assertEquals(0, raw.issue(buf, d));
            assertArrayEquals(SOFT_MAP, map(d, Affinity.SOFT));

            for (Affinity missing : Affinity.values()) {
                d = request(buf, Operation.DOMCTL_GETVCPUAFFINITY, HARD | SOFT);
                raw.map(d, missing, 0, 16);
                assertEquals(-Errno.EINVAL.number(), raw.issue(buf, d), "HARD|SOFT without a " + missing + " handle");
                assertArrayEquals(NOT_WRITTEN, map(d, Affinity.HARD), "checked before anything is written");
                assertArrayEquals(NOT_WRITTEN, map(d, Affinity.SOFT));
            }
        }
    }

    @Test
    void eachMapHasItsOwnLength() {
        try (HypercallBuffer buf = fake.lease(abi.size() + 2 * MAP_BYTES + 1)) {
            MemorySegment d = request(buf, Operation.DOMCTL_GETVCPUAFFINITY, HARD | SOFT);
            d.set(JAVA_BYTE, abi.size() + 2 * MAP_BYTES, UNTOUCHED);
            raw.map(d, Affinity.HARD, d.address() + abi.size(), 8);
            raw.map(d, Affinity.SOFT, d.address() + abi.size() + MAP_BYTES, 24);
            assertEquals(0, raw.issue(buf, d));
            assertArrayEquals(new byte[] {HARD_MAP[0], UNTOUCHED}, map(d, Affinity.HARD), "8 bits: one byte");
            assertArrayEquals(new byte[] {SOFT_MAP[0], SOFT_MAP[1], 0},
                    d.asSlice(abi.size() + MAP_BYTES, 3).toArray(JAVA_BYTE), "24 bits: the host's 16, zero-filled");
        }
    }

    @Test
    void withBothFlagsTheCallAnswersForTheSoftMap() {
        try (HypercallBuffer buf = fake.lease(abi.size() + 2 * MAP_BYTES)) {
            MemorySegment d = request(buf, Operation.DOMCTL_GETVCPUAFFINITY, HARD | SOFT);
            raw.map(d, Affinity.HARD, NOWHERE, 16);
            assertEquals(0, raw.issue(buf, d), "Xen 4.17 loses the hard map's EFAULT once the soft one is written");
            assertArrayEquals(SOFT_MAP, map(d, Affinity.SOFT));

            d = request(buf, Operation.DOMCTL_GETVCPUAFFINITY, HARD | SOFT);
            raw.map(d, Affinity.SOFT, NOWHERE, 16);
            assertEquals(-Errno.EFAULT.number(), raw.issue(buf, d));
            assertArrayEquals(HARD_MAP, map(d, Affinity.HARD), "the hard map is written first");
        }
    }

    /**
     * From Xen 4.20 the hard map's EFAULT stands although the soft map is written (the lab's Xen
     * 4.20.5-pre answered EFAULT where 4.17.5 answered 0).
     */
    @Test
    void fromXen420AHardMapXenCannotWriteIsReportedWithBothFlags() {
        for (int minor : new int[] {20, 21, 22}) {
            SimulatedHost newer = Hosts.host(minor, 16);
            newer.domain(3).orElseThrow().vcpu(1).setSoftAffinity(BitSet.valueOf(SOFT_MAP));
            DomctlAbi newerAbi = XenRelease.of(4, minor).orElseThrow().domctl();
            try (FakePrivcmd device = new FakePrivcmd(newer); HypercallBuffer buf = device.lease(newerAbi.size() + 2 * MAP_BYTES)) {
                RawDomctl newerRaw = new RawDomctl(device, newerAbi);
                MemorySegment d = buf.data();
                newerRaw.affinity(d, Operation.DOMCTL_GETVCPUAFFINITY, 1, HARD | SOFT);
                newerRaw.map(d, Affinity.HARD, NOWHERE, 16);
                newerRaw.map(d, Affinity.SOFT, d.address() + newerAbi.size() + MAP_BYTES, 16);
                assertEquals(-Errno.EFAULT.number(), newerRaw.issue(buf, d), "Xen 4." + minor);
                assertArrayEquals(SOFT_MAP, d.asSlice(newerAbi.size() + MAP_BYTES, MAP_BYTES).toArray(JAVA_BYTE),
                        "the soft map is still written");
            }
        }
    }

    @Test
    void setWithBothFlagsSetsBothAndWritesBackBothEffectiveMaps() {
        try (HypercallBuffer buf = fake.lease(abi.size() + 2 * MAP_BYTES)) {
            MemorySegment d = request(buf, Operation.DOMCTL_SETVCPUAFFINITY, HARD | SOFT);
            MemorySegment.copy(new byte[] {0x30, 0}, 0, d, JAVA_BYTE, abi.size(), MAP_BYTES);             // CPUs 4, 5
            MemorySegment.copy(new byte[] {0x60, 0x01}, 0, d, JAVA_BYTE, abi.size() + MAP_BYTES, MAP_BYTES); // 5, 6, 8
            assertEquals(0, raw.issue(buf, d));
            assertArrayEquals(new byte[] {0x30, 0}, map(d, Affinity.HARD));
            assertArrayEquals(new byte[] {0x20, 0}, map(d, Affinity.SOFT), "soft within the new hard map: CPU 5");
            assertEquals(BitSet.valueOf(new byte[] {0x30}), vcpu.hardAffinity());
            assertEquals(BitSet.valueOf(new byte[] {0x60, 0x01}), vcpu.softAffinity(), "stored as asked");
        }
    }

    /** A request for vCPU 1 with both handles set, each to its own map area filled with the pattern. */
    private MemorySegment request(HypercallBuffer buf, Operation op, int flags) {
        MemorySegment d = buf.data();
        raw.affinity(d, op, 1, flags);
        d.asSlice(abi.size(), 2 * MAP_BYTES).fill(UNTOUCHED);
        raw.map(d, Affinity.HARD, d.address() + abi.size(), MAP_BYTES * 8L);
        raw.map(d, Affinity.SOFT, d.address() + abi.size() + MAP_BYTES, MAP_BYTES * 8L);
        return d;
    }

    private byte[] map(MemorySegment d, Affinity which) {
        return d.asSlice(abi.size() + (which == Affinity.HARD ? 0 : MAP_BYTES), MAP_BYTES).toArray(JAVA_BYTE);
    }
}
