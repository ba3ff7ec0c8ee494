package org.jxen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jxen.Backend;
import org.jxen.DomainIdentity;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.JxenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken daemons and missing interfaces, as jxen reports them, and recovery. */
class DaemonTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    /** Far above TIMEOUT: only a call that never gives up could reach it. */
    private static final Duration GUARD = Duration.ofSeconds(30);
    private static final List<String> NAMES = List.of("Domain-0", "demo");

    /** A broken xenstored is passed over for xend; once it behaves, the same connection uses it again. */
    @ParameterizedTest
    @ValueSource(strings = {"stall", "drop"})
    void aStalledOrDroppingXenstoredIsPassedOverForXendAndUsedAgainAfterBehave(String how) {
        try (SimulatedXen xen = host().build(); Hypervisor h = xen.connect()) {
            Daemon xenstored = xen.xenstored();
            breakIt(xenstored, how);
            assertEquals(NAMES, assertTimeoutPreemptively(GUARD, () -> names(h)), "xend answered");
            xenstored.behave();
            h.domain("demo").setVcpus(3);
            assertEquals(3, xen.guest("demo").onlineVcpus());
        }
    }

    /** Without xend the daemon's failure is the answer: a timeout for a stall, a failure for a drop. */
    @ParameterizedTest
    @ValueSource(strings = {"stall", "drop"})
    void withoutXendABrokenXenstoredFailsTheCallAndTheSameConnectionWorksAfterBehave(String how) {
        try (SimulatedXen xen = host().withoutXend().build(); Hypervisor h = xen.connect()) {
            Daemon xenstored = xen.xenstored();
            breakIt(xenstored, how);
            JxenException e = failure(h::listDomains);
            assertEquals(how.equals("stall") ? ErrorCode.OPERATION_TIMEOUT : ErrorCode.OPERATION_FAILED, e.code());
            assertEquals(Optional.of(Backend.XENSTORE), e.backend());
            xenstored.behave();
            assertEquals(NAMES, names(h));
        }
    }

    private static void breakIt(Daemon daemon, String how) {
        if (how.equals("stall")) {
            daemon.stall();
        } else {
            daemon.drop();
        }
    }

    @Test
    void aRefusingXenstoredIsDeniedWithItsError() {
        try (SimulatedXen xen = host().build(); Hypervisor h = xen.connect()) {
            xen.xenstored().refuse();
            JxenException e = failure(h::listDomains);
            assertEquals(ErrorCode.OPERATION_DENIED, e.code());
            assertEquals(Optional.of(Backend.XENSTORE), e.backend());
            assertEquals(Optional.of("EACCES"), e.detail());
            xen.xenstored().behave();
            assertEquals(NAMES, names(h));
        }
    }

    @Test
    void withoutPrivcmdThereAreNoInterfaceVersionsAndReadsGoThroughXend() {
        try (SimulatedXen xen = host().withoutPrivcmd().build(); Hypervisor h = xen.connect()) {
            assertEquals(Optional.empty(), h.interfaceVersions());
            assertEquals(4, h.domain("demo").vcpus().size());
            xen.xend().refuse();
            JxenException e = failure(() -> h.domain("demo").vcpus());
            assertEquals(ErrorCode.NO_SUPPORT, e.code());
            assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
        }
    }

    @Test
    void aStalledOrDroppingXendFailsTheCallAndBehavesAgain() {
        try (SimulatedXen xen = host().withoutPrivcmd().build(); Hypervisor h = xen.connect()) {
            Daemon xend = xen.xend();
            xend.stall();
            assertEquals(ErrorCode.OPERATION_TIMEOUT, failure(() -> h.domain("demo").vcpus()).code());
            xend.drop();
            assertEquals(ErrorCode.OPERATION_FAILED, failure(() -> h.domain("demo").vcpus()).code());
            xend.behave();
            assertEquals(4, h.domain("demo").vcpus().size());
        }
    }

    @Test
    void withoutXenstoreNamesComeFromXend() {
        try (SimulatedXen xen = host().withoutXenstore().build(); Hypervisor h = xen.connect()) {
            assertEquals(NAMES, names(h));
            h.domain("demo").setVcpus(3);
            assertEquals(3, xen.guest("demo").onlineVcpus());
        }
    }

    private static SimulatedXen.Builder host() {
        return SimulatedXen.builder().domain(1, "demo", UUID.randomUUID(), 4, 2).daemonTimeout(TIMEOUT);
    }

    private static List<String> names(Hypervisor h) {
        return h.listDomains().stream().map(DomainIdentity::name).toList();
    }

    private static JxenException failure(Executable call) {
        return assertTimeoutPreemptively(GUARD, () -> assertThrows(JxenException.class, call));
    }
}
