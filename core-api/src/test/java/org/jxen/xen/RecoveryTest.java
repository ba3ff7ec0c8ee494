package org.jxen.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jxen.xen.DriverTest.assertCode;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.jxen.Backend;
import org.jxen.Domain;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.testfixtures.xend.FakeXend;
import org.jxen.testfixtures.xend.XendRequest;
import org.jxen.testfixtures.xenstored.Misbehaviour;

/**
 * Recovery as the fallback policy has it: a daemon that breaks its protocol or stops answering is
 * passed over for the next backend, and once it behaves again the next call uses it, on the same
 * connection object. Proven for every misbehaviour mode of both fake daemons.
 */
class RecoveryTest {

    /** The xenstored modes that break the connection or leave a call unanswered. */
    static Stream<Misbehaviour> breakingXenstored() {
        return Stream.of(new Misbehaviour.DropMidReply(), new Misbehaviour.Stall(), new Misbehaviour.OversizedLength(),
                new Misbehaviour.TruncatedHeader(), new Misbehaviour.WrongRequestId(), new Misbehaviour.WrongReplyType(1),
                new Misbehaviour.WrongReplyType(9999), new Misbehaviour.Garbage(), new Misbehaviour.UnterminatedPayload());
    }

    @ParameterizedTest
    @MethodSource("breakingXenstored")
    void aBrokenXenstoredIsPassedOverForXendThenUsedAgain(Misbehaviour how) throws Exception {
        try (XenStack stack = XenStack.all()) {
            stack.xenstored.misbehave(how);
            assertEquals(1, stack.hv.domain("demo").identity().id(), "xend answered the lookup");
            assertTrue(lookups(stack.xend) > 0, "xend was asked");

            stack.xenstored.behave();
            stack.xend.clearRequests();
            long before = stack.xenstored.requestCount();
            Domain demo = stack.hv.domain("demo");
            demo.setVcpus(3);
            assertTrue(stack.xenstored.requestCount() > before, "xenstored is used again");
            assertEquals(List.of(), stack.xend.requests(), "xend is no longer asked");
            assertEquals(3, stack.host.domain(1).orElseThrow().onlineVcpus());
        }
    }

    @ParameterizedTest
    @MethodSource("breakingXenstored")
    void withoutXendTheBrokenDaemonsErrorIsReportedAndTheNextCallWorks(Misbehaviour how) throws Exception {
        try (XenStack stack = XenStack.with(Backend.HYPERCALL, Backend.XENSTORE)) {
            stack.xenstored.misbehave(how);
            JxenException e = assertThrows(JxenException.class, () -> stack.hv.domain("demo"));
            assertTrue(e.code() == ErrorCode.OPERATION_FAILED || e.code() == ErrorCode.OPERATION_TIMEOUT, e.toString());
            assertEquals(Optional.of(Backend.XENSTORE), e.backend());
            stack.xenstored.behave();
            assertEquals(1, stack.hv.domain("demo").identity().id());
        }
    }

    @Test
    void answersOfXenstoredAreNotPassedOver() throws Exception {
        try (XenStack stack = XenStack.all()) {
            Domain demo = stack.hv.domain("demo");
            stack.xenstored.misbehave(new Misbehaviour.ErrorReply("EACCES"));
            assertCode(ErrorCode.OPERATION_DENIED, () -> demo.setVcpus(3));
            stack.xenstored.behave();
            stack.xenstored.misbehave(new Misbehaviour.ConflictOnCommit(1000));
            assertCode(ErrorCode.RESOURCE_BUSY, () -> demo.setVcpus(3));
            assertEquals(List.of(), stack.xend.requests().stream().filter(r -> r.target().contains("op=")).toList());
            stack.xenstored.behave();
            demo.setVcpus(3);
            assertEquals(3, stack.host.domain(1).orElseThrow().onlineVcpus());
        }
    }

    @ParameterizedTest
    @EnumSource(value = FakeXend.Fault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aXendThatRecoversIsUsedAgain(FakeXend.Fault fault) throws Exception {
        try (XenStack stack = XenStack.with(Backend.XEND)) {
            Domain demo = stack.hv.domain("demo");
            stack.xend.fault(fault);
            try {
                demo.vcpus(); // CHUNKED and ERROR_UNDER_200 answer or refuse; the others fail
            } catch (JxenException expected) {
                // of its kind; what matters is the next call
            }
            stack.xend.fault(FakeXend.Fault.NONE);
            assertEquals(4, demo.vcpus().size());
        }
    }

    private static long lookups(FakeXend xend) {
        return xend.requests().stream().map(XendRequest::target).filter(t -> t.startsWith("/xend/domain")).count();
    }
}
