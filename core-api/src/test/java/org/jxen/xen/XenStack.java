package org.jxen.xen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.Set;
import org.jxen.Backend;
import org.jxen.Hypervisor;
import org.jxen.hypercall.Operation;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.testfixtures.privcmd.FakePrivcmd;
import org.jxen.testfixtures.xend.FakeXend;
import org.jxen.testfixtures.xenstored.FakeXenstored;
import org.jxen.xend.XendClient;
import org.jxen.xend.XendEndpoint;
import org.jxen.xenstore.XenstoreClient;
import org.jxen.xenstore.XenstoreEndpoint;
import org.jxen.xenstore.XenstoreOptions;

/**
 * The real driver over a simulated host: the fake privcmd device, a fake xenstored and a fake
 * xend on unix sockets, with any subset of the three handed to the driver.
 */
final class XenStack implements AutoCloseable {

    /** How long the clients wait for a daemon: long enough for a loaded CI machine, short for a stall. */
    static final Duration DAEMON_TIMEOUT = Duration.ofSeconds(2);

    final SimulatedHost host;
    final FakePrivcmd privcmd;
    final FakeXenstored xenstored;
    final FakeXend xend;
    final Hypervisor hv;
    private final Path dir;

    private XenStack(SimulatedHost host, Set<Backend> backends) {
        this.host = host;
        try {
            dir = Files.createTempDirectory("jxen-stack");
            privcmd = new FakePrivcmd(host);
            xenstored = FakeXenstored.start(host.xenstore());
            xend = FakeXend.start(host, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        XenDriver.Builder b = XenDriver.builder();
        if (backends.contains(Backend.HYPERCALL)) {
            b.privcmd(privcmd);
        }
        if (backends.contains(Backend.XENSTORE)) {
            b.xenstore(XenstoreClient.open(new XenstoreEndpoint.UnixSocket(xenstored.socket()),
                    XenstoreOptions.defaults().withTimeout(DAEMON_TIMEOUT)));
        }
        if (backends.contains(Backend.XEND)) {
            b.xend(XendClient.create(new XendEndpoint.Unix(xend.socketPath()),
                    new XendClient.Options(DAEMON_TIMEOUT, DAEMON_TIMEOUT, 1 << 20)));
        }
        hv = b.build();
    }

    /** The default host (16 pCPUs, Domain-0 4/4, demo 2/4) with all three backends. */
    static XenStack all() {
        return new XenStack(SimulatedHost.defaultHost(), EnumSet.allOf(Backend.class));
    }

    static XenStack with(Backend first, Backend... rest) {
        return new XenStack(SimulatedHost.defaultHost(), EnumSet.of(first, rest));
    }

    static XenStack on(SimulatedHost host, Backend first, Backend... rest) {
        return new XenStack(host, EnumSet.of(first, rest));
    }

    @Override
    public void close() throws IOException {
        try {
            hv.close();
        } finally {
            privcmd.close();
            xend.close();
            xenstored.close();
            Files.deleteIfExists(xend.socketPath());
            Files.deleteIfExists(dir);
        }
    }

    /** How many calls of each hypercall reached the fake device so far. */
    Map<Operation, Long> hypercalls() {
        Map<Operation, Long> counts = new EnumMap<>(Operation.class);
        for (Operation op : Operation.values()) {
            counts.put(op, privcmd.calls(op));
        }
        return counts;
    }

    /** The hypercalls made between two counts, only those that were. */
    static Map<Operation, Long> difference(Map<Operation, Long> before, Map<Operation, Long> after) {
        Map<Operation, Long> d = new EnumMap<>(Operation.class);
        after.forEach((op, n) -> {
            if (n > before.get(op)) {
                d.put(op, n - before.get(op));
            }
        });
        return d;
    }

    /** A BitSet of the given CPUs, for comparing with the simulated host's affinities. */
    static BitSet bits(int... cpus) {
        BitSet b = new BitSet();
        for (int c : cpus) {
            b.set(c);
        }
        return b;
    }

    /** The first and last CPU of a set: enough to see that "all 16" was left alone. */
    static BitSet ends(BitSet b) {
        return bits(b.nextSetBit(0), b.length() - 1);
    }
}
