package org.jxen.testfixtures.xenstored;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jxen.testfixtures.host.SimXenstore;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.xenstore.XenstoreClient;
import org.jxen.xenstore.XenstoreEndpoint;
import org.jxen.xenstore.XenstoreError;
import org.jxen.xenstore.XenstoreErrorException;
import org.jxen.xenstore.XenstoreException;
import org.jxen.xenstore.XenstoreOptions;
import org.jxen.xenstore.XenstoreProtocolException;
import org.jxen.xenstore.XenstoreTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against the fake told to misbehave: typed failures, nothing stuck, nothing changed by a refused call. */
class MisbehaviourTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    /** Hang guard only; the client's own timeout is far shorter. */
    private static final Duration GUARD = Duration.ofSeconds(5);
    private static final String NAME = "/local/domain/1/name";

    private final SimXenstore store = SimulatedHost.defaultHost().xenstore();
    private final FakeXenstored daemon = FakeXenstored.start(store);
    private final XenstoreClient xs = connect();

    @AfterEach
    void closeAll() {
        xs.close();
        daemon.close();
        assertEquals(List.of(), ClientThreads.alive());
    }

    @Test
    void droppedMidReplyIsAProtocolError() {
        daemon.misbehave(new Misbehaviour.DropMidReply());
        assertProtocolError(() -> xs.read(NAME), "truncated payload");
    }

    @Test
    void truncatedHeaderIsAProtocolError() {
        daemon.misbehave(new Misbehaviour.TruncatedHeader());
        assertProtocolError(() -> xs.read(NAME), "truncated header");
    }

    @Test
    void oversizedLengthIsAProtocolErrorAndTheConnectionIsClosed() {
        daemon.misbehave(new Misbehaviour.OversizedLength());
        assertProtocolError(() -> xs.read(NAME), "4097-byte payload");
        daemon.behave();
        assertEquals("demo", xs.readString(NAME), "the broken connection is replaced on the next call");
    }

    /** Every way the fake can misbehave, each with a call it breaks. */
    static Stream<Arguments> everyMisbehaviour() {
        return Stream.of(new Misbehaviour.DropMidReply(), new Misbehaviour.Stall(), new Misbehaviour.OversizedLength(),
                new Misbehaviour.TruncatedHeader(), new Misbehaviour.WrongRequestId(), new Misbehaviour.WrongReplyType(1),
                new Misbehaviour.WrongReplyType(15), new Misbehaviour.WrongReplyType(9999), new Misbehaviour.Garbage(),
                new Misbehaviour.UnterminatedPayload(), new Misbehaviour.ErrorReply("EACCES"),
                new Misbehaviour.ConflictOnCommit(1000)).map(Arguments::of);
    }

    @Test
    void theRecoveryListCoversEveryMisbehaviour() {
        assertEquals(Set.of(Misbehaviour.class.getPermittedSubclasses()),
                everyMisbehaviour().map(a -> a.get()[0].getClass()).collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @MethodSource("everyMisbehaviour")
    void aDaemonThatRecoversIsUsedAgainByTheSameClient(Misbehaviour how) {
        daemon.misbehave(how);
        assertThrows(XenstoreException.class, () -> assertTimeoutPreemptively(GUARD, () -> xs.transaction(tx -> {
            tx.write(NAME, "renamed");
            return null;
        })));
        daemon.behave();
        assertTimeoutPreemptively(GUARD, () -> {
            xs.write(NAME, "again");
            assertEquals("again", xs.readString(NAME));
        });
    }

    @Test
    void wrongRequestIdIsAProtocolError() {
        daemon.misbehave(new Misbehaviour.WrongRequestId());
        assertProtocolError(() -> xs.read(NAME), "unknown req_id");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 9999, -1})
    void wrongReplyTypeIsAProtocolError(int type) {
        daemon.misbehave(new Misbehaviour.WrongReplyType(type));
        // Type 15 is a watch event: its payload ("demo", no NUL) is then what is wrong.
        assertThrows(XenstoreProtocolException.class, () -> assertTimeoutPreemptively(GUARD, () -> xs.read(NAME)));
    }

    @Test
    void garbageIsAProtocolError() {
        daemon.misbehave(new Misbehaviour.Garbage());
        assertThrows(XenstoreProtocolException.class, () -> assertTimeoutPreemptively(GUARD, () -> xs.read(NAME)));
    }

    @Test
    void unterminatedPayloadIsAProtocolError() {
        daemon.misbehave(new Misbehaviour.UnterminatedPayload());
        assertProtocolError(() -> xs.directory("/local/domain"), "not NUL-terminated");
    }

    @Test
    void stalledDaemonTimesOutAndCloseLeavesNoThread() {
        daemon.misbehave(new Misbehaviour.Stall());
        XenstoreTimeoutException e = assertThrows(XenstoreTimeoutException.class,
                () -> assertTimeoutPreemptively(GUARD, () -> xs.write(NAME, "stalled")));
        assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
        assertEquals("demo", FakeXenstoredTest.text(store.read(NAME)));
        xs.close();
        assertEquals(List.of(), ClientThreads.alive());
    }

    @Test
    void stalledTransactionHelperTimesOut() {
        daemon.misbehave(new Misbehaviour.Stall());
        assertThrows(XenstoreTimeoutException.class, () -> assertTimeoutPreemptively(GUARD,
                () -> xs.transaction(tx -> {
                    tx.write(NAME, "x");
                    return null;
                })));
    }

    @ParameterizedTest
    @EnumSource(XenstoreError.class)
    void errorReplyIsTypedAndChangesNothing(XenstoreError error) {
        daemon.misbehave(new Misbehaviour.ErrorReply(error.name()));
        XenstoreErrorException e = assertThrows(XenstoreErrorException.class, () -> xs.write(NAME, "renamed"));
        assertEquals(error, e.error());
        assertEquals("demo", FakeXenstoredTest.text(store.read(NAME)));
        daemon.behave();
        assertEquals("demo", xs.readString(NAME)); // an error reply leaves the connection usable
    }

    @Test
    void unknownErrorNameIsEinval() {
        daemon.misbehave(new Misbehaviour.ErrorReply("ENOTANERROR"));
        assertEquals(XenstoreError.EINVAL, assertThrows(XenstoreErrorException.class, () -> xs.read(NAME)).error());
    }

    @Test
    void oversizedWriteIsRefusedBeforeSendingAndChangesNothing() {
        long before = daemon.requestCount();
        byte[] value = new byte[4096 - NAME.length()];
        assertEquals(XenstoreError.E2BIG, assertThrows(XenstoreErrorException.class, () -> xs.write(NAME, value)).error());
        assertEquals(before, daemon.requestCount());
        assertEquals("demo", FakeXenstoredTest.text(store.read(NAME)));
    }

    @Test
    void invalidPathIsRefusedBeforeSending() {
        long before = daemon.requestCount();
        assertEquals(XenstoreError.EINVAL,
                assertThrows(XenstoreErrorException.class, () -> xs.write("/local/domain/1/bad name", "x")).error());
        assertEquals(before, daemon.requestCount());
        assertEquals(List.of("cpu", "domid", "name", "vm"), store.directory("/local/domain/1").orElseThrow());
    }

    private XenstoreClient connect() {
        return XenstoreClient.open(new XenstoreEndpoint.UnixSocket(daemon.socket()),
                XenstoreOptions.defaults().withTimeout(TIMEOUT));
    }

    private static void assertProtocolError(org.junit.jupiter.api.function.ThrowingSupplier<?> call, String detail) {
        XenstoreException e = assertThrows(XenstoreProtocolException.class, () -> assertTimeoutPreemptively(GUARD, call));
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }
}
