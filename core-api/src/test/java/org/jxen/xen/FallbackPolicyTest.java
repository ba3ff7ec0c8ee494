package org.jxen.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jxen.Backend;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FallbackPolicyTest {

    private final List<Backend> called = new ArrayList<>();

    private FallbackPolicy.Attempt<String> answering(Backend b) {
        return new FallbackPolicy.Attempt<>(b, () -> {
            called.add(b);
            return b.name();
        });
    }

    private FallbackPolicy.Attempt<String> failing(Backend b, ErrorCode code, String why) {
        Supplier<String> call = () -> {
            called.add(b);
            throw new JxenException(code, why, b, "E" + code, null);
        };
        return new FallbackPolicy.Attempt<>(b, call);
    }

    @Test
    void theFirstBackendThatAnswersWinsAndLaterOnesAreNotCalled() {
        String r = FallbackPolicy.run("read vCPUs", List.of(answering(Backend.HYPERCALL), answering(Backend.XEND)));
        assertEquals("HYPERCALL", r);
        assertEquals(List.of(Backend.HYPERCALL), called);
    }

    @Test
    void unsupportedMovesOnToTheNextBackend() {
        String r = FallbackPolicy.run("set vCPUs", List.of(
                failing(Backend.XENSTORE, ErrorCode.NO_SUPPORT, "no xenstored socket"),
                answering(Backend.XEND)));
        assertEquals("XEND", r);
        assertEquals(List.of(Backend.XENSTORE, Backend.XEND), called);
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = "NO_SUPPORT", mode = EnumSource.Mode.EXCLUDE)
    void everyOtherFailureStopsTheChainUnchanged(ErrorCode code) {
        FallbackPolicy.Attempt<String> first = failing(Backend.HYPERCALL, code, "xen said no");
        JxenException e = assertThrows(JxenException.class, () -> FallbackPolicy.run("pin vCPU 1",
                List.of(first, answering(Backend.XEND))));
        assertEquals(code, e.code());
        assertEquals("xen said no", e.getMessage());
        assertEquals(List.of(Backend.HYPERCALL), called, "the next backend is never asked");
    }

    @Test
    void whenNoBackendSupportsItTheErrorNamesEachAndWhy() {
        JxenException e = assertThrows(JxenException.class, () -> FallbackPolicy.run("pin vCPU 1 of domain demo", List.of(
                failing(Backend.HYPERCALL, ErrorCode.NO_SUPPORT, "no /dev/xen/privcmd"),
                failing(Backend.XEND, ErrorCode.NO_SUPPORT, "no xend socket"))));
        assertEquals(ErrorCode.NO_SUPPORT, e.code());
        DriverTest.assertMentions(e, "pin vCPU 1 of domain demo", "hypercall: no /dev/xen/privcmd", "xend: no xend socket");
        assertEquals(2, e.getSuppressed().length);
        assertEquals(Backend.XEND, ((JxenException) e.getSuppressed()[1]).backend().orElseThrow());
    }

    @Test
    void noBackendAtAll() {
        JxenException e = assertThrows(JxenException.class, () -> FallbackPolicy.run("set vCPUs", List.<FallbackPolicy.Attempt<String>>of()));
        DriverTest.assertMentions(e, "set vCPUs", "no backend");
    }

    @Test
    void aStoppingErrorAfterAnUnsupportedOneIsThrownAsItIs() {
        JxenException denied = new JxenException(ErrorCode.OPERATION_DENIED, "EPERM", Backend.XEND, "EPERM", null);
        JxenException e = assertThrows(JxenException.class, () -> FallbackPolicy.run("x", List.of(
                failing(Backend.HYPERCALL, ErrorCode.NO_SUPPORT, "none"),
                new FallbackPolicy.Attempt<String>(Backend.XEND, () -> {
                    throw denied;
                }))));
        assertSame(denied, e);
    }
}
