package org.jxen.xen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.jxen.Hypervisor;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.testfixtures.xend.FakeXend;
import org.jxen.xend.XendClient;
import org.jxen.xend.XendEndpoint;

/**
 * End-to-end fuzzing of the xend backend: the driver, with xend alone, talks to the fake xend
 * through a proxy that mutates three replies in four. Outside the default run ({@code long}):
 * {@code scripts/fuzz --e2e [SECONDS]}.
 */
@Tag("long")
class MutatedXendRepliesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void everyCallSucceedsOrThrowsJxenException() throws Exception {
        new MutatedRepliesLoop("xend", MutatedXendRepliesTest::open, 0.75, TIMEOUT).run();
    }

    private static MutatedRepliesLoop.Session open(ReplyMutator mutator) throws IOException {
        Path dir = Files.createTempDirectory("jxen-e2e");
        FakeXend xend = FakeXend.start(SimulatedHost.defaultHost(), dir);
        // xend answers once per connection and closes it: a reply is everything up to the end.
        MutatingProxy proxy = new MutatingProxy(xend.socketPath(), dir.resolve("proxy"),
                in -> {
                    byte[] all = in.readAllBytes();
                    return all.length == 0 ? null : all;
                }, mutator);
        Hypervisor hv = XenDriver.builder().name("mutated xend")
                .xend(XendClient.create(new XendEndpoint.Unix(proxy.socket()), new XendClient.Options(TIMEOUT, TIMEOUT, 1 << 20)))
                .build();
        return new MutatedRepliesLoop.Session(hv, List.of(proxy, xend), dir);
    }
}
