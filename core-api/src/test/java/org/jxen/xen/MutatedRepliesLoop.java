package org.jxen.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jxen.CpuMap;
import org.jxen.Hypervisor;
import org.jxen.JxenException;

/**
 * The end-to-end fuzz loop: jxen calls on the real driver whose peer's replies are mutated, for
 * {@code -Djxen.e2e.seconds} (10 by default), seeded by {@code -Djxen.e2e.seed} (printed, to replay
 * a run). Every call must succeed or throw {@link JxenException}, within the client's timeout; at
 * the end no thread or file descriptor may be left over.
 */
final class MutatedRepliesLoop {

    /** A driver over a mutating peer, then the proxy and fakes to close after it, and their directory. */
    record Session(Hypervisor hypervisor, List<AutoCloseable> peers, Path directory) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            hypervisor.close();
            for (AutoCloseable peer : peers) {
                peer.close();
            }
            Files.deleteIfExists(directory);
        }
    }

    /** Opens a session whose peer mutates its replies with the mutator. */
    interface Opener {
        Session open(ReplyMutator mutator) throws IOException;
    }

    private record Call(String name, Consumer<Random> action) {
    }

    private static final int CALLS_PER_SESSION = 25;

    private final String peer;
    private final Opener opener;
    private final double rate;
    private final Duration clientTimeout;
    private long calls;
    private long refused;
    private final Duration longestCall;

    /**
     * @param peer what is mutated, for the report
     * @param rate the share of replies mutated
     * @param clientTimeout the clients' timeout; a call longer than twice that and a second hangs
     */
    MutatedRepliesLoop(String peer, Opener opener, double rate, Duration clientTimeout) {
        this.peer = peer;
        this.opener = opener;
        this.rate = rate;
        this.clientTimeout = clientTimeout;
        this.longestCall = clientTimeout.multipliedBy(2).plusSeconds(1);
    }

    /** Runs the loop, prints the figures and fails with every finding. */
    void run() throws Exception {
        long seed = Long.getLong("jxen.e2e.seed", System.nanoTime());
        Duration duration = Duration.ofSeconds(Integer.getInteger("jxen.e2e.seconds", 10));
        try (Session warmUp = opener.open(new ReplyMutator(seed, 0))) {
            warmUp.hypervisor().listDomains(); // the JDK's own lazily opened descriptors and threads
        }
        Leftovers before = Leftovers.now();
        List<String> findings = new ArrayList<>();
        ReplyMutator mutator = new ReplyMutator(seed, rate);
        Random random = new Random(seed);
        long sessions = 0;
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            sessions++;
            runSession(mutator, random, end, findings);
        }
        System.out.printf("e2e %s: seed %d, %d s: %d calls (%d succeeded, %d JxenException) in %d"
                + " sessions, %d of %d replies mutated, %d findings%n", peer, seed, duration.toSeconds(), calls,
                calls - refused, refused, sessions, mutator.mutated(), mutator.replies(), findings.size());
        findings.forEach(System.out::println);
        assertEquals(List.of(), findings, "seed " + seed);
        Leftovers after = Leftovers.settled(before);
        assertTrue(after.threads() <= before.threads() && after.fds() <= before.fds(),
                () -> "left over: " + after + ", before: " + before + ", seed " + seed);
    }

    /**
     * Makes up to {@value #CALLS_PER_SESSION} calls on one connection, fewer if a call times out: a
     * mutated reply may leave the stream out of step or the connection lost for good, and a new
     * connection fuzzes more than a series of timeouts or of "connection lost".
     */
    private void runSession(ReplyMutator mutator, Random random, long end, List<String> findings) throws Exception {
        try (Session session = opener.open(mutator)) {
            List<Call> menu = calls(session.hypervisor());
            for (int n = 0; n < CALLS_PER_SESSION && System.nanoTime() < end; n++) {
                Call call = menu.get(random.nextInt(menu.size()));
                long start = System.nanoTime();
                calls++;
                try {
                    call.action().accept(random);
                } catch (JxenException expected) {
                    refused++;
                } catch (Throwable t) {
                    findings.add(call.name() + " threw " + stackTrace(t));
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                if (took.compareTo(longestCall) > 0) {
                    findings.add(call.name() + " took " + took + ", past the client's timeout");
                }
                if (took.compareTo(clientTimeout) >= 0) {
                    return;
                }
            }
        }
    }

    private static List<Call> calls(Hypervisor hv) {
        return List.of(
                new Call("nodeInfo", r -> hv.nodeInfo()),
                new Call("listDomains", r -> hv.listDomains()),
                new Call("vcpus", r -> hv.domain("demo").vcpus()),
                new Call("vcpuCount", r -> hv.domain(1).vcpuCount()),
                new Call("setVcpus", r -> hv.domain("demo").setVcpus(1 + r.nextInt(4))),
                new Call("pinVcpu", r -> hv.domain(1).pinVcpu(r.nextInt(2), CpuMap.ofCpus(r.nextInt(16)))),
                new Call("domain0 vcpus", r -> hv.domain0().vcpus()));
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** The threads and file descriptors of this JVM. */
    private record Leftovers(int threads, long fds) {
        static Leftovers now() {
            try (var fds = Files.list(Path.of("/proc/self/fd"))) {
                return new Leftovers(Thread.getAllStackTraces().size(), fds.count());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Now, once threads told to stop have stopped (within a few seconds), or as it is then. */
        static Leftovers settled(Leftovers expected) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            Leftovers now = now();
            while ((now.threads() > expected.threads() || now.fds() > expected.fds()) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                now = now();
            }
            return now;
        }
    }
}
