package org.jxen.benchmarks.xend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.testfixtures.xend.FakeXend;
import org.jxen.xend.XendClient;
import org.jxen.xend.XendEndpoint;
import org.jxen.xend.XendVcpus;
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
 * One {@code GET /xend/domain/demo?op=vcpuinfo} round trip: a new unix-socket connection (as xend
 * expects), the request, the fake's answer from the simulated host, and parsing it into records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VcpuInfoBenchmark {
    private Path dir;
    private FakeXend xend;
    private XendClient client;

    /** Starts the fake on the default simulated host. */
    @Setup(Level.Trial)
    public void start() throws IOException {
        dir = Files.createTempDirectory("jxen-xend-bench");
        xend = FakeXend.start(SimulatedHost.defaultHost(), dir);
        client = XendClient.create(new XendEndpoint.Unix(xend.socketPath()));
    }

    /** Stops the fake and removes its directory. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        xend.close();
        Files.deleteIfExists(dir);
    }

    /**
     * Reads the vCPUs of domain {@code demo}.
     *
     * @return the reply, so that it is not optimised away
     */
    @Benchmark
    public XendVcpus vcpuInfoRoundTrip() {
        return client.vcpuInfo("demo");
    }
}
