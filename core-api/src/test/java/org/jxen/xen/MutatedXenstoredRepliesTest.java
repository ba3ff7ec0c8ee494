package org.jxen.xen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.jxen.Hypervisor;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.testfixtures.privcmd.FakePrivcmd;
import org.jxen.testfixtures.xenstored.FakeXenstored;
import org.jxen.xenstore.XenstoreClient;
import org.jxen.xenstore.XenstoreEndpoint;
import org.jxen.xenstore.XenstoreOptions;

/**
 * End-to-end fuzzing of the xenstore backend: the driver (privcmd and xenstore) talks to a
 * xenstored that answers with the fake xenstored's real replies, one in four mutated (a frame is
 * the 16-byte header and its payload). One connection carries every call, so a mutated frame can
 * desynchronize the stream for the calls after it: the client must fail those, not hang. Outside
 * the default run ({@code long}): {@code scripts/fuzz --e2e [SECONDS]}.
 */
@Tag("long")
class MutatedXenstoredRepliesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int HEADER = 16;

    @Test
    void everyCallSucceedsOrThrowsJxenException() throws Exception {
        new MutatedRepliesLoop("xenstored", MutatedXenstoredRepliesTest::open, 0.25, TIMEOUT).run();
    }

    /** One xenstored frame as the fake wrote it, or null at the end of the stream. */
    private static byte[] frame(InputStream in) throws IOException {
        byte[] header = in.readNBytes(HEADER);
        if (header.length < HEADER) {
            return null;
        }
        int length = ByteBuffer.wrap(header).order(ByteOrder.nativeOrder()).getInt(12);
        byte[] frame = Arrays.copyOf(header, HEADER + length);
        int read = in.readNBytes(frame, HEADER, length);
        return read == length ? frame : null;
    }

    private static MutatedRepliesLoop.Session open(ReplyMutator mutator) throws IOException {
        SimulatedHost host = SimulatedHost.defaultHost();
        Path dir = Files.createTempDirectory("jxen-e2e");
        FakeXenstored xenstored = FakeXenstored.start(host.xenstore());
        MutatingProxy proxy = new MutatingProxy(xenstored.socket(), dir.resolve("proxy"),
                MutatedXenstoredRepliesTest::frame, mutator);
        Hypervisor hv = XenDriver.builder().name("mutated xenstored").privcmd(new FakePrivcmd(host))
                .xenstore(XenstoreClient.open(new XenstoreEndpoint.UnixSocket(proxy.socket()),
                        XenstoreOptions.defaults().withTimeout(TIMEOUT)))
                .build();
        return new MutatedRepliesLoop.Session(hv, List.of(proxy, xenstored), dir);
    }
}
