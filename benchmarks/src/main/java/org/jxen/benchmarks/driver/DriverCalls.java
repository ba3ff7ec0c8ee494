package org.jxen.benchmarks.driver;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.hypercall.PrivcmdDevice;
import org.jxen.testfixtures.privcmd.FakePrivcmd;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The driver's calls on a simulated guest, measured by each subclass over its own privcmd device:
 * the fake itself ({@link DriverBenchmark}) or a replay of its answers ({@link ReplayDriverBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class DriverCalls {

    /** The host: "16x4" is 16 pCPUs (2-byte maps) and a 4-vCPU domain, "4096x512" 4096 pCPUs and 512 vCPUs. */
    @Param({"16x4", "4096x64", "4096x512"})
    public String shape;

    /** The guest the calls go to, and its driver. */
    SimulatedGuest guest;
    /** The guest's domain. */
    Domain domain;
    private CpuMap map;

    /** Builds the host of {@link #shape} with the driver on the given device over its fake. */
    void open(Function<FakePrivcmd, PrivcmdDevice> device) {
        guest = SimulatedGuest.open(shape, device);
        domain = guest.domain();
        map = CpuMap.parse("0-3,^1," + (guest.cpus() - 1));
    }

    /** Closes the driver. */
    @TearDown
    public void close() {
        guest.close();
    }

    /**
     * Reads every vCPU with both affinities.
     *
     * @return the vCPUs
     */
    @Benchmark
    public Object getVcpus() {
        return domain.vcpus();
    }

    /**
     * Pins vCPU 0 to CPUs 0, 2, 3 and the host's last CPU.
     *
     * @return the domain
     */
    @Benchmark
    public Object pinVcpu() {
        domain.pinVcpu(0, map);
        return domain;
    }
}
