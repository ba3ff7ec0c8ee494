package org.jxen.libvirt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jxen.libvirt.Libvirt.VIR_VCPU_BLOCKED;
import static org.jxen.libvirt.Libvirt.VIR_VCPU_OFFLINE;
import static org.jxen.libvirt.Libvirt.VIR_VCPU_RUNNING;
import static org.jxen.libvirt.SimulatedConnection.cpuRange;
import static org.jxen.libvirt.SimulatedConnection.cpus;
import static org.jxen.libvirt.VirAssertions.assertFailed;
import static org.jxen.libvirt.VirAssertions.assertSucceeded;

import java.util.Arrays;
import org.jxen.Domain;
import org.jxen.ErrorCode;
import org.jxen.testfixtures.host.SimVcpu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * virDomainGetVcpus on the default host (16 pCPUs, so the host's map is 2 bytes) over the real
 * driver stack. demo's vCPU 0 is pinned to CPUs 3 and 9 and vCPU 1 to 8-15 on the simulated host
 * beforehand, so that the two map bytes differ; vCPUs 2 and 3 are offline with every CPU allowed.
 */
class GetVcpusTest {

    private static final byte X = 0x5A; // what the caller's buffers hold before the call

    private SimulatedConnection c;
    private Domain demo;

    @BeforeEach
    void pinOnTheHost() {
        c = SimulatedConnection.defaultHost();
        demo = c.domain("demo");
        c.vcpu("demo", 0).setHardAffinity(cpus(3, 9));
        c.vcpu("demo", 1).setHardAffinity(cpuRange(8, 15));
    }

    @AfterEach
    void close() {
        c.close();
        Libvirt.virResetLastError();
    }

    private static byte[] filled(int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, X);
        return b;
    }

    @Test
    void maplenShorterThanTheHostsMapKeepsCpus0To7() {
        byte[] cpumaps = filled(4);
        assertSucceeded(4, c.virt.virDomainGetVcpus(demo, new VirVcpuInfo[4], 4, cpumaps, 1));
        // vCPU 0: {3, 9} -> 0x08; vCPU 1: {8-15} -> nothing in byte 0; vCPUs 2, 3: all CPUs.
        assertArrayEquals(new byte[] {0x08, 0x00, (byte) 0xFF, (byte) 0xFF}, cpumaps);
    }

    @Test
    void maplenOfTheHostsMapHoldsEveryCpu() {
        byte[] cpumaps = filled(8);
        assertSucceeded(4, c.virt.virDomainGetVcpus(demo, new VirVcpuInfo[4], 4, cpumaps, 2));
        assertArrayEquals(new byte[] {0x08, 0x02, 0x00, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, cpumaps);
    }

    @Test
    void maplenLongerThanTheHostsMapFailsAndFillsNothing() {
        byte[] cpumaps = filled(12);
        VirVcpuInfo[] info = new VirVcpuInfo[4];
        assertFailed(c.virt.virDomainGetVcpus(demo, info, 4, cpumaps, 3), ErrorCode.INVALID_ARG, "maplen 3", "1-2", "16 CPUs");
        assertArrayEquals(filled(12), cpumaps);
        assertArrayEquals(new VirVcpuInfo[4], info);
    }

    @Test
    void slotsOfVcpusTheDomainDoesNotHaveAreCleared() {
        byte[] cpumaps = filled(12);
        VirVcpuInfo[] info = new VirVcpuInfo[6];
        assertSucceeded(4, c.virt.virDomainGetVcpus(demo, info, 6, cpumaps, 2));
        assertArrayEquals(new byte[] {0x08, 0x02, 0x00, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0},
                cpumaps);
        assertNull(info[4]);
        assertNull(info[5]);
    }

    @Test
    void fillsOnlyMaxinfoEntriesWhenTheDomainHasMore() {
        VirVcpuInfo untouched = new VirVcpuInfo();
        VirVcpuInfo[] info = {null, untouched, null};
        byte[] cpumaps = filled(6);
        assertSucceeded(1, c.virt.virDomainGetVcpus(demo, info, 1, cpumaps, 2));
        assertEquals(0, info[0].number());
        assertSame(untouched, info[1]);
        assertEquals(0, untouched.cpuTime());
        assertArrayEquals(new byte[] {0x08, 0x02, X, X, X, X}, cpumaps, "only maxinfo * maplen bytes are written");
    }

    @Test
    void entriesCarryTheHostsStateAndOfflineVcpusHaveCpuMinusOne() {
        long[] before = new long[4];
        for (int n = 0; n < 4; n++) {
            before[n] = c.vcpu("demo", n).cpuTimeNs();
        }
        VirVcpuInfo reused = new VirVcpuInfo();
        VirVcpuInfo[] info = {reused, null, null, null};
        assertSucceeded(4, c.virt.virDomainGetVcpus(demo, info, 4, null, 0));
        assertSame(reused, info[0], "the caller's entries are filled in place");
        // demo: vCPUs 0 and 1 online (0 runnable, 1 blocked), 2 and 3 offline
        int[] states = {VIR_VCPU_RUNNING, VIR_VCPU_BLOCKED, VIR_VCPU_OFFLINE, VIR_VCPU_OFFLINE};
        for (int n = 0; n < 4; n++) {
            SimVcpu sim = c.vcpu("demo", n);
            assertEquals(n, info[n].number());
            assertEquals(states[n], info[n].state(), "state of vCPU " + n);
            assertEquals(n < 2 ? sim.pcpu() : -1, info[n].cpu(), "cpu of vCPU " + n);
            long after = sim.cpuTimeNs();
            assertTrue(before[n] <= info[n].cpuTime() && info[n].cpuTime() <= after,
                    "cpuTime of vCPU " + n + ": " + info[n].cpuTime() + " not in " + before[n] + "-" + after);
        }
        assertEquals(3, info[0].cpu(), "vCPU 0, pinned to {3, 9}, runs on the first of them");
    }

    @Test
    void aDomainGoneSinceLookupFailsWithNoDomainAndWritesNothing() {
        c.host.destroyDomain(1);
        byte[] cpumaps = filled(8);
        VirVcpuInfo[] info = new VirVcpuInfo[4];
        assertFailed(c.virt.virDomainGetVcpus(demo, info, 4, cpumaps, 2), ErrorCode.NO_DOMAIN);
        assertArrayEquals(filled(8), cpumaps);
        assertArrayEquals(new VirVcpuInfo[4], info);
    }

    @Test
    void aNullDomainIsDomain0() {
        VirVcpuInfo[] info = new VirVcpuInfo[8];
        assertSucceeded(4, c.virt.virDomainGetVcpus(null, info, 8, null, 0));
        for (int n = 0; n < 4; n++) {
            assertTrue(info[n].state() != VIR_VCPU_OFFLINE, "Domain-0 has all 4 vCPUs online; vCPU " + n + " is " + info[n]);
        }
    }

    @Test
    void aSuccessfulCallClearsTheLastError() {
        assertFailed(c.virt.virDomainSetVcpus(demo, 0), ErrorCode.INVALID_ARG);
        assertSucceeded(4, c.virt.virDomainGetVcpus(demo, new VirVcpuInfo[4], 4, null, 0));
    }
}
