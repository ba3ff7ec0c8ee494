package org.jxen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.jxen.Backend;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hypercalls failed with Xen's errnos, seen through jxen's API, with the host read back. */
class FaultInjectionTest extends OnTheDefaultHost {

    @Test
    void aDeniedPinChangesNothingAndTheNextPinWorks() {
        Domain demo = h.domain("demo");
        xen.failNext(Hypercall.SET_VCPU_AFFINITY, "EPERM");
        JxenException e = assertThrows(JxenException.class, () -> demo.pinVcpu(1, CpuMap.ofCpus(3)));
        assertEquals(ErrorCode.OPERATION_DENIED, e.code());
        assertEquals(Optional.of("EPERM"), e.detail());
        assertEquals(Optional.of(Backend.HYPERCALL), e.backend());
        assertEquals(CpuMap.all(16), xen.guest("demo").hardAffinity(1));

        demo.pinVcpu(1, CpuMap.ofCpus(3));
        assertEquals(CpuMap.ofCpus(3), xen.guest("demo").hardAffinity(1));
    }

    @Test
    void aFailureRepeatsAsManyTimesAsAsked() {
        Domain demo = h.domain("demo");
        xen.fail(Hypercall.VCPU_INFO, "EIO", 2);
        for (int i = 0; i < 2; i++) {
            JxenException e = assertThrows(JxenException.class, demo::vcpus);
            assertEquals(ErrorCode.OPERATION_FAILED, e.code());
            assertEquals(Optional.of("EIO"), e.detail());
        }
        assertEquals(4, demo.vcpus().size());
    }

    @Test
    void clearFailuresEndsAnEndlessFailure() {
        xen.fail(Hypercall.PHYSINFO, "EACCES", Integer.MAX_VALUE);
        assertEquals(ErrorCode.OPERATION_DENIED, assertThrows(JxenException.class, h::nodeInfo).code());
        assertEquals(ErrorCode.OPERATION_DENIED, assertThrows(JxenException.class, h::nodeInfo).code());
        xen.clearFailures();
        assertEquals(16, h.nodeInfo().cpus());
    }

    @Test
    void esrchIsNoDomain() {
        Domain demo = h.domain("demo");
        xen.failNext(Hypercall.DOMAIN_INFO, "ESRCH");
        assertEquals(ErrorCode.NO_DOMAIN, assertThrows(JxenException.class, demo::vcpuCount).code());
    }

    @Test
    void anUnsupportedHypercallFallsBackToXend() {
        xen.failNext(Hypercall.VCPU_INFO, "ENOSYS");
        assertEquals(4, h.domain("demo").vcpus().size());
    }

    /** Each hypercall fails the call its documentation names, which then carries the errno. */
    @ParameterizedTest
    @EnumSource(Hypercall.class)
    void everyHypercallFailsTheCallItsDocumentationNames(Hypercall hypercall) {
        Executable call = switch (hypercall) {
            case PHYSINFO -> h::nodeInfo;
            case DOMAIN_LIST -> h::listDomains;
            case DOMAIN_INFO -> () -> h.domain(1).vcpuCount();
            case VCPU_INFO, GET_VCPU_AFFINITY -> () -> h.domain(1).vcpus();
            case SET_VCPU_AFFINITY -> () -> h.domain(1).pinVcpu(0, CpuMap.ofCpus(1));
        };
        xen.failNext(hypercall, "EPERM");
        JxenException e = assertThrows(JxenException.class, call);
        assertEquals(ErrorCode.OPERATION_DENIED, e.code());
        assertEquals(Optional.of("EPERM"), e.detail());
        assertTrue(e.getMessage().contains("EPERM"), e.getMessage());
    }
}
