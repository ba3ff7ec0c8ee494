package org.jxen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.DomainIdentity;
import org.jxen.DomainUsage;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.VcpuCount;
import org.jxen.VcpuSnapshot;
import org.jxen.VcpuState;
import org.junit.jupiter.api.Test;

/** Domains created and destroyed under a connection, and guests read and steered from the host's side. */
class GuestTest extends OnTheDefaultHost {

    @Test
    void aDomainAddedWhileConnectedIsSeenByTheNextCall() {
        Guest web = xen.addDomain("web", 4, 2);
        assertEquals(2, web.id());
        assertEquals(new DomainIdentity(2, "web", web.uuid()), h.listDomains().getLast());
        assertEquals(new VcpuCount(2, 4), h.domain("web").vcpuCount());
    }

    @Test
    void aDestroyedDomainIsNoDomainForItsHandleEvenWhenItsNameComesBack() {
        Domain demo = h.domain("demo");
        Guest guest = xen.guest("demo");
        xen.destroyDomain("demo");
        assertFalse(guest.running());
        JxenException e = assertThrows(JxenException.class, demo::vcpus);
        assertEquals(ErrorCode.NO_DOMAIN, e.code());
        assertTrue(e.getMessage().contains("demo"), e.getMessage());
        assertEquals(List.of("Domain-0"), h.listDomains().stream().map(DomainIdentity::name).toList());

        Guest again = xen.addDomain("demo", 2, 1);
        assertNotEquals(guest.id(), again.id());
        assertEquals(ErrorCode.NO_DOMAIN, assertThrows(JxenException.class, demo::vcpuCount).code());
        assertEquals(new VcpuCount(1, 2), h.domain("demo").vcpuCount());
    }

    @Test
    void aVcpuRunsAtTheLoadTheTestSetsAndJxenMeasuresIt() throws InterruptedException {
        Guest demo = xen.guest("demo");
        assertEquals(100, demo.vcpuLoad(0), "busy unless told otherwise");
        demo.setVcpuLoad(0, 25);
        demo.setVcpuLoad(1, 0);
        VcpuSnapshot first = h.vcpuSnapshot(false);
        Thread.sleep(1000); // the interval itself: the figure is CPU time over wall time
        DomainUsage usage = h.vcpuSnapshot(false).usageSince(first).get(1);
        assertEquals(25, usage.vcpus().get(0).percent().orElseThrow(), 4);
        assertEquals(0, usage.vcpus().get(1).percent().orElseThrow(), 0.0);
        assertEquals(25, usage.percent().orElseThrow(), 4);
        assertThrows(IllegalArgumentException.class, () -> demo.setVcpuLoad(0, 101));
        assertThrows(IllegalArgumentException.class, () -> demo.setVcpuLoad(0, -1));
        assertThrows(IllegalArgumentException.class, () -> demo.setVcpuLoad(4, 50));
        assertEquals(25, demo.vcpuLoad(0), "a refused change changes nothing");
    }

    @Test
    void theGuestShowsWhatTheDriverDid() {
        Domain demo = h.domain("demo");
        demo.pinVcpu(1, CpuMap.parse("2-5"));
        demo.pinVcpuSoft(1, CpuMap.ofCpus(3));
        demo.setVcpus(3);
        Guest guest = xen.guest("demo");
        assertEquals(CpuMap.parse("2-5"), guest.hardAffinity(1));
        assertEquals(CpuMap.ofCpus(3), guest.softAffinity(1));
        assertEquals(CpuMap.all(16), guest.hardAffinity(0));
        assertEquals(3, guest.onlineVcpus());
        assertNotEquals(VcpuState.OFFLINE, guest.vcpuState(2));
        assertEquals(VcpuState.OFFLINE, guest.vcpuState(3));
        assertEquals(demo.vcpus().get(1).state(), guest.vcpuState(1));
    }

    @Test
    void aGuestWithoutHotplugKeepsItsVcpus() {
        Guest guest = xen.guest("demo");
        guest.ignoreHotplug();
        h.domain("demo").setVcpus(4); // xenstore takes it: no error
        assertEquals(2, guest.onlineVcpus());
        assertEquals(2, h.domain("demo").vcpuCount().current());
        guest.obeyHotplug();
        h.domain("demo").setVcpus(4);
        assertEquals(4, guest.onlineVcpus());
    }

    @Test
    void aSlowGuestChangesItsCountAfterTheDelay() throws InterruptedException {
        Guest guest = xen.guest("demo");
        guest.delayHotplug(Duration.ofSeconds(3));
        Domain demo = h.domain("demo");
        demo.setVcpus(4);
        assertEquals(2, guest.onlineVcpus(), "setVcpus returns before the guest acts");
        Poll.until(() -> demo.vcpuCount().current() == 4, "4 vCPUs online");
        assertNotEquals(VcpuState.OFFLINE, guest.vcpuState(3));
        guest.obeyHotplug();
        demo.setVcpus(1);
        assertEquals(1, guest.onlineVcpus());
    }
}
