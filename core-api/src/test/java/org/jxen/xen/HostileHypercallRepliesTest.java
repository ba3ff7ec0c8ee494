package org.jxen.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.jxen.Backend;
import org.jxen.Domain;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.testfixtures.privcmd.FakePrivcmd.Lie;

/**
 * Xen's numbers are bounded before the driver sizes an array or loops by them: the fake device
 * lies as a corrupt or hostile hypervisor would, and each call fails at once with
 * OPERATION_FAILED naming the value and the range (no array of the reported size, no endless
 * batch loop).
 */
class HostileHypercallRepliesTest {

    @Test
    void aHugeMaxVcpuIdIsRefusedBeforeAnythingIsSizedByIt() throws IOException {
        try (XenStack stack = XenStack.with(Backend.HYPERCALL, Backend.XENSTORE)) {
            Domain demo = stack.hv.domain(1);
            stack.privcmd.lie(new Lie.MaxVcpuId(Integer.MAX_VALUE - 1));
            for (Executable call : List.<Executable>of(demo::vcpus, demo::vcpuCount, () -> stack.hv.vcpuSnapshot(false))) {
                JxenException e = assertThrows(JxenException.class, call);
                assertEquals(ErrorCode.OPERATION_FAILED, e.code());
                assertTrue(e.getMessage().contains("max_vcpu_id 2147483646") && e.getMessage().contains("0-65535"), e.getMessage());
            }
            stack.privcmd.tellTheTruth();
            assertEquals(4, demo.vcpus().size(), "the same handle works again once Xen answers sanely");
        }
    }

    @Test
    void aDomainListWhoseIdsDoNotRiseEndsTheReadInsteadOfLoopingForEver() throws IOException {
        try (XenStack stack = XenStack.with(Backend.HYPERCALL, Backend.XENSTORE)) {
            stack.privcmd.lie(new Lie.RepeatingDomainList());
            JxenException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(JxenException.class, () -> stack.hv.vcpuSnapshot(false)));
            assertEquals(ErrorCode.OPERATION_FAILED, e.code());
            assertTrue(e.getMessage().contains("Xen listed domain 0") && e.getMessage().contains("32751"), e.getMessage());
        }
    }

    @Test
    void aListedDomainIdInTheReservedRangeIsRefused() throws IOException {
        try (XenStack stack = XenStack.with(Backend.HYPERCALL, Backend.XENSTORE)) {
            stack.privcmd.lie(new Lie.LastListedId(0x7FF2)); // DOMID_XEN
            JxenException e = assertThrows(JxenException.class, () -> stack.hv.vcpuSnapshot(false));
            assertEquals(ErrorCode.OPERATION_FAILED, e.code());
            assertTrue(e.getMessage().contains("Xen listed domain 32754"), e.getMessage());
        }
    }
}
