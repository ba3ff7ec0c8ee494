package org.jxen.benchmarks.xenstore;

import java.util.concurrent.TimeUnit;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.testfixtures.xenstored.FakeXenstored;
import org.jxen.xenstore.XenstoreClient;
import org.jxen.xenstore.XenstoreEndpoint;
import org.jxen.xenstore.XenstoreOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One XS_READ round trip: client request over the fake xenstored's real unix socket, the fake's
 * lookup in the simulated tree, the reply matched back to the caller.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class XenstoreReadBenchmark {
    private FakeXenstored daemon;
    private XenstoreClient client;

    /** Starts the fake on the default simulated host and connects. */
    @Setup(Level.Trial)
    public void start() {
        daemon = FakeXenstored.start(SimulatedHost.defaultHost().xenstore());
        client = XenstoreClient.open(new XenstoreEndpoint.UnixSocket(daemon.socket()), XenstoreOptions.defaults());
    }

    /** Closes the client and the fake. */
    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        daemon.close();
    }

    /**
     * Reads one vCPU's availability node.
     *
     * @return the value, so that the read is not optimised away
     */
    @Benchmark
    public byte[] readRoundTrip() {
        return client.read("/local/domain/1/cpu/0/availability");
    }
}
