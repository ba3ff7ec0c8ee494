package org.jxen.benchmarks.hypercall;

import java.util.concurrent.TimeUnit;
import org.jxen.hypercall.Affinity;
import org.jxen.hypercall.VcpuInfo;
import org.jxen.hypercall.XenHypercalls;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.testfixtures.privcmd.FakePrivcmd;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One getvcpuinfo and one getvcpuaffinity (hard) through XenHypercalls and the fake privcmd device
 * on the default simulated host (Xen 4.17, 16 pCPUs): the encoding, buffer leasing and decoding
 * cost of the hypercall layer, plus the fake's own decoding.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VcpuRoundTripBenchmark {

    private FakePrivcmd device;
    private XenHypercalls xen;

    /** Opens the fake device on a fresh default host. */
    @Setup
    public void open() {
        device = new FakePrivcmd(SimulatedHost.defaultHost());
        xen = XenHypercalls.connect(device);
    }

    /** Closes the device. */
    @TearDown
    public void close() {
        device.close();
    }

    /**
     * Reads vCPU 1 of domain 1 and its hard affinity.
     *
     * @param bh sinks the results
     */
    @Benchmark
    public void vcpuInfoAndAffinity(Blackhole bh) {
        VcpuInfo info = xen.vcpuInfo(1, 1);
        bh.consume(info);
        bh.consume(xen.vcpuAffinity(1, 1, Affinity.HARD));
    }
}
