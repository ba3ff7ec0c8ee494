package org.jxen.testfixtures.xenstored;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jxen.testfixtures.host.SimXenstore;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.xenstore.Transaction;
import org.jxen.xenstore.Watch;
import org.jxen.xenstore.WatchEvent;
import org.jxen.xenstore.XenstoreClient;
import org.jxen.xenstore.XenstoreEndpoint;
import org.jxen.xenstore.XenstoreError;
import org.jxen.xenstore.XenstoreErrorException;
import org.jxen.xenstore.XenstoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every client operation against the fake xenstored, over its real unix socket, on the simulated host's tree. */
class FakeXenstoredTest {
    private final SimulatedHost host = SimulatedHost.defaultHost();
    private final SimXenstore store = host.xenstore();
    private final FakeXenstored daemon = FakeXenstored.start(store);
    private final XenstoreClient xs = XenstoreClient.open(new XenstoreEndpoint.UnixSocket(daemon.socket()),
            new XenstoreOptions(Duration.ofSeconds(5), 3));

    @AfterEach
    void closeAll() {
        xs.close();
        daemon.close();
        assertEquals(List.of(), ClientThreads.alive());
    }

    @Test
    void readsWhatTheHostHolds() {
        assertEquals("demo", xs.readString("/local/domain/1/name"));
        assertEquals("offline", xs.readString("/local/domain/1/cpu/3/availability"));
    }

    @Test
    void readOfAMissingNodeIsEnoent() {
        assertEquals(XenstoreError.ENOENT, assertThrows(XenstoreErrorException.class, () -> xs.read("/nope")).error());
    }

    @Test
    void relativePathsAreUnderDom0sHome() {
        assertEquals("Domain-0", xs.readString("name"));
    }

    @Test
    void writesReachTheHostAndTheHostsWritesReachTheClient() {
        xs.write("/local/domain/1/memory/target", "524288");
        assertEquals("524288", text(store.read("/local/domain/1/memory/target")));
        assertEquals(Optional.of(List.of("target")), store.directory("/local/domain/1/memory"));

        store.write("/local/domain/1/data/x", "from-host".getBytes(US_ASCII));
        assertEquals("from-host", xs.readString("/local/domain/1/data/x"));
    }

    @Test
    void valuesAreRawBytes() {
        byte[] value = {0, 1, (byte) 0xFF, 'a', 0};
        xs.write("/bin", value);
        assertArrayEquals(value, store.read("/bin").orElseThrow());
        assertArrayEquals(value, xs.read("/bin"));
        xs.write("/empty", new byte[0]);
        assertArrayEquals(new byte[0], xs.read("/empty"));
    }

    @Test
    void directoryListsChildren() {
        assertEquals(List.of("0", "1"), xs.directory("/local/domain"));
        assertEquals(List.of("0", "1", "2", "3"), xs.directory("/local/domain/1/cpu"));
        assertEquals(List.of(), xs.directory("/local/domain/1/name"));
        assertEquals(XenstoreError.ENOENT,
                assertThrows(XenstoreErrorException.class, () -> xs.directory("/local/domain/9")).error());
    }

    @Test
    void mkdirCreatesAnEmptyNodeAndLeavesAnExistingOneAlone() {
        xs.mkdir("/local/domain/1/device/vbd");
        assertArrayEquals(new byte[0], store.read("/local/domain/1/device/vbd").orElseThrow());
        xs.mkdir("/local/domain/1/name");
        assertEquals("demo", text(store.read("/local/domain/1/name")));
    }

    @Test
    void rmRemovesTheSubtree() {
        xs.rm("/local/domain/1/cpu");
        assertEquals(Optional.empty(), store.read("/local/domain/1/cpu/0/availability"));
        assertEquals(Optional.empty(), store.read("/local/domain/1/cpu"));
        assertEquals("demo", text(store.read("/local/domain/1/name")));
        xs.rm("/local/domain/1/cpu"); // gone already, parent exists: not an error, as in xenstored
        assertEquals(XenstoreError.ENOENT, assertThrows(XenstoreErrorException.class, () -> xs.rm("/no/such")).error());
    }

    @Test
    void domainPath() {
        assertEquals("/local/domain/1", xs.domainPath(1));
        assertEquals("/local/domain/0", xs.domainPath(0));
    }

    @Test
    void transactionIsInvisibleUntilCommitted() {
        try (Transaction tx = xs.startTransaction()) {
            tx.write("/local/domain/1/cpu/3/availability", "online");
            assertEquals("online", tx.readString("/local/domain/1/cpu/3/availability"));
            assertEquals("offline", text(store.read("/local/domain/1/cpu/3/availability")));
            assertEquals("offline", xs.readString("/local/domain/1/cpu/3/availability"));
            tx.commit();
        }
        assertEquals("online", text(store.read("/local/domain/1/cpu/3/availability")));
    }

    @Test
    void abortedTransactionChangesNothing() {
        Transaction tx = xs.startTransaction();
        tx.write("/local/domain/1/name", "renamed");
        tx.rm("/local/domain/1/cpu");
        tx.abort();
        assertEquals("demo", text(store.read("/local/domain/1/name")));
        assertTrue(store.read("/local/domain/1/cpu/0/availability").isPresent());
        assertThrows(IllegalStateException.class, tx::commit);
    }

    @Test
    void closingAnOpenTransactionAbortsIt() {
        try (Transaction tx = xs.startTransaction()) {
            tx.write("/local/domain/1/name", "renamed");
        }
        assertEquals("demo", text(store.read("/local/domain/1/name")));
    }

    @Test
    void conflictingChangeMakesCommitAnswerEagain() {
        Transaction tx = xs.startTransaction();
        tx.write("/local/domain/1/name", "mine");
        store.write("/local/domain/1/name", "theirs".getBytes(US_ASCII));
        assertEquals(XenstoreError.EAGAIN, assertThrows(XenstoreErrorException.class, tx::commit).error());
        assertEquals("theirs", text(store.read("/local/domain/1/name")));
    }

    @Test
    void aChangeToAnotherDomainsNodesIsNoConflict() {
        Transaction tx = xs.startTransaction();
        tx.write("/local/domain/1/cpu/3/availability", "online");
        store.write("/local/domain/0/cpu/0/availability", "online".getBytes(US_ASCII));
        tx.commit();
        assertEquals("online", text(store.read("/local/domain/1/cpu/3/availability")));
    }

    @Test
    void transactionHelperRedoesTheBodyOnEagain() {
        daemon.misbehave(new Misbehaviour.ConflictOnCommit(2));
        AtomicInteger runs = new AtomicInteger();
        String result = xs.transaction(tx -> {
            runs.incrementAndGet();
            tx.write("/local/domain/1/name", "renamed");
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, runs.get());
        assertEquals("renamed", text(store.read("/local/domain/1/name")));
    }

    @Test
    void transactionHelperGivesUpAfterTheConfiguredAttempts() {
        daemon.misbehave(new Misbehaviour.ConflictOnCommit(5));
        AtomicInteger runs = new AtomicInteger();
        XenstoreErrorException e = assertThrows(XenstoreErrorException.class, () -> xs.transaction(tx -> {
            runs.incrementAndGet();
            tx.write("/local/domain/1/name", "renamed");
            return null;
        }));
        assertEquals(XenstoreError.EAGAIN, e.error());
        assertEquals(3, runs.get());
        assertEquals("demo", text(store.read("/local/domain/1/name")));
    }

    @Test
    void transactionHelperAbortsWhenTheBodyFails() {
        IllegalStateException failure = new IllegalStateException("body failed");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> xs.transaction(tx -> {
            tx.write("/local/domain/1/name", "renamed");
            throw failure;
        })));
        assertEquals("demo", text(store.read("/local/domain/1/name")));
        // The aborted transaction left nothing behind that blocks the next one.
        xs.transaction(tx -> {
            tx.write("/local/domain/1/name", "renamed");
            return null;
        });
        assertEquals("renamed", text(store.read("/local/domain/1/name")));
    }

    @Test
    void watchFiresAtOnceThenOnChangesBelowThePath() throws Exception {
        BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
        try (Watch watch = xs.watch("/local/domain/1/cpu", events::add)) {
            assertEquals(new WatchEvent("/local/domain/1/cpu", watch.token()), take(events));
            store.write("/local/domain/1/cpu/2/availability", "online".getBytes(US_ASCII));
            assertEquals(new WatchEvent("/local/domain/1/cpu/2/availability", watch.token()), take(events));
            xs.write("/local/domain/1/name", "elsewhere"); // not below the watched path
            xs.transaction(tx -> {
                tx.write("/local/domain/1/cpu/3/availability", "online");
                return null;
            });
            assertEquals(new WatchEvent("/local/domain/1/cpu/3/availability", watch.token()), take(events));
        }
    }

    @Test
    void unwatchStopsTheEvents() throws Exception {
        BlockingQueue<WatchEvent> first = new LinkedBlockingQueue<>();
        BlockingQueue<WatchEvent> second = new LinkedBlockingQueue<>();
        Watch watch = xs.watch("/local/domain/1/cpu", first::add);
        take(first);
        watch.close();
        try (Watch marker = xs.watch("/marker", second::add)) {
            take(second);
            store.write("/local/domain/1/cpu/0/availability", "offline".getBytes(US_ASCII));
            store.write("/marker", "x".getBytes(US_ASCII));
            // Events are delivered in order: once the marker's arrived, any for the closed watch would have too.
            assertEquals(new WatchEvent("/marker", marker.token()), take(second));
            assertEquals(List.of(), List.copyOf(first));
        }
    }

    @Test
    void relativeWatchGetsRelativePaths() throws Exception {
        BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
        try (Watch watch = xs.watch("cpu", events::add)) {
            assertEquals(new WatchEvent("cpu", watch.token()), take(events));
            store.write("/local/domain/0/cpu/1/availability", "offline".getBytes(US_ASCII));
            assertEquals(new WatchEvent("cpu/1/availability", watch.token()), take(events));
        }
    }

    @Test
    void specialWatchFiresOnceAtStart() throws Exception {
        BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
        try (Watch watch = xs.watch("@releaseDomain", events::add)) {
            assertEquals(new WatchEvent("@releaseDomain", watch.token()), take(events));
        }
    }

    @Test
    void anotherClientSeesTheChanges() {
        try (XenstoreClient other = XenstoreClient.open(new XenstoreEndpoint.UnixSocket(daemon.socket()),
                XenstoreOptions.defaults())) {
            xs.write("/shared", "1");
            assertEquals("1", other.readString("/shared"));
        }
        assertFalse(store.read("/shared").isEmpty());
    }

    private static WatchEvent take(BlockingQueue<WatchEvent> events) throws InterruptedException {
        WatchEvent event = events.poll(5, TimeUnit.SECONDS); // guard against hanging only
        if (event == null) {
            throw new AssertionError("no watch event arrived");
        }
        return event;
    }

    static String text(Optional<byte[]> value) {
        return new String(value.orElseThrow(), US_ASCII);
    }
}
