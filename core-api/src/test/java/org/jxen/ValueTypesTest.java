package org.jxen;

import static org.jxen.Errors.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    private static final CpuMap ALL = CpuMap.all(16);

    @Test
    void vcpuStateMappingIsTheDocumentedOne() {
        assertEquals(VcpuState.OFFLINE, VcpuState.of(false, false));
        assertEquals(VcpuState.OFFLINE, VcpuState.of(false, true));
        assertEquals(VcpuState.BLOCKED, VcpuState.of(true, true));
        assertEquals(VcpuState.RUNNING, VcpuState.of(true, false), "runnable or running is RUNNING, never OFFLINE");
        assertEquals(0, VcpuState.OFFLINE.number());
        assertEquals(1, VcpuState.RUNNING.number());
        assertEquals(2, VcpuState.BLOCKED.number());
    }

    @Test
    void vcpuInfoKeepsCpuMinusOneExactlyForOffline() {
        VcpuInfo offline = new VcpuInfo(3, VcpuState.OFFLINE, 0, -1, ALL, ALL);
        assertEquals(-1, offline.cpu());
        assertInvalid(() -> new VcpuInfo(3, VcpuState.OFFLINE, 0, 2, ALL, ALL), "cpu 2", "OFFLINE");
        assertInvalid(() -> new VcpuInfo(3, VcpuState.RUNNING, 0, -1, ALL, ALL), "cpu -1");
        assertInvalid(() -> new VcpuInfo(3, VcpuState.RUNNING, 0, -2, ALL, ALL), "cpu -2");
        assertInvalid(() -> new VcpuInfo(-1, VcpuState.RUNNING, 0, 1, ALL, ALL), "-1");
        assertInvalid(() -> new VcpuInfo(0, VcpuState.RUNNING, -5, 1, ALL, ALL), "-5");
        assertInvalid(() -> new VcpuInfo(0, VcpuState.RUNNING, 0, 1, null, ALL), "'hardAffinity'");
    }

    @Test
    void nodeInfoSizesMapsFromMaxCpuId() {
        NodeInfo node = new NodeInfo(4, 7, 1, 1, 4, 1, 2400, 1 << 20, "4.17.0");
        assertEquals(8, node.hostCpus());
        assertEquals(1, node.maplen());
        assertEquals(512, new NodeInfo(4096, 4095, 4, 16, 32, 2, 2400, 1L << 40, "4.22.0").maplen());
        assertInvalid(() -> new NodeInfo(0, 7, 1, 1, 4, 1, 0, 0, "4.17.0"), "0 CPUs");
        assertInvalid(() -> new NodeInfo(8, 6, 1, 1, 4, 1, 0, 0, "4.17.0"), "max_cpu_id 6");
    }

    @Test
    void domainIdentityAndVcpuCountCheckTheirRanges() {
        DomainIdentity d = new DomainIdentity(1, "demo", UUID.randomUUID());
        assertEquals("demo", d.name());
        assertInvalid(() -> new DomainIdentity(0x7FF0, "x", new UUID(0, 0)), "32752", "0-32751");
        assertInvalid(() -> new DomainIdentity(-1, "x", new UUID(0, 0)), "-1");
        assertInvalid(() -> new DomainIdentity(1, " ", new UUID(0, 0)), "blank");
        assertEquals(new VcpuCount(2, 4), new VcpuCount(2, 4));
        assertInvalid(() -> new VcpuCount(5, 4), "5 of 4");
        assertInvalid(() -> new VcpuCount(0, 0), "0 of 0");
    }

    @Test
    void errorsCarryCodeBackendAndDetail() {
        JxenException e = new JxenException(ErrorCode.NO_DOMAIN, "no domain 9", Backend.HYPERCALL, "ESRCH", null);
        assertEquals(42, e.code().number());
        assertEquals(Backend.HYPERCALL, e.backend().orElseThrow());
        assertEquals("ESRCH", e.detail().orElseThrow());
        JxenException early = new JxenException(ErrorCode.INVALID_ARG, "bad");
        assertTrue(early.backend().isEmpty() && early.detail().isEmpty());
        assertEquals(8, ErrorCode.INVALID_ARG.number());
    }

    @Test
    void cpuMapIsAValue() {
        assertEquals(CpuMap.ofCpus(1, 2, 3), CpuMap.range(1, 3));
        assertEquals(CpuMap.ofCpus(1, 2, 3).hashCode(), CpuMap.parse("1-3").hashCode());
        assertTrue(CpuMap.ofCpus().isEmpty());
        assertEquals(-1, CpuMap.ofCpus().last());
        assertEquals(-1, CpuMap.ofCpus().first());
        assertEquals(0, CpuMap.ofCpus().minMaplen());
        assertInvalid(() -> CpuMap.range(5, 4), "5 is greater than 4");
        assertInvalid(() -> CpuMap.ofCpus(-3), "CPU -3");
        assertInvalid(() -> CpuMap.all(0), "0");
    }
}
