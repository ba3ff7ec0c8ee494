package org.jxen.benchmarks.driver;

import java.util.concurrent.TimeUnit;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The three operations through the whole driver (argument checks, fallback policy, UUID check,
 * hypercall encoding) over the fake privcmd device, on a small host (16 pCPUs, a 4-vCPU domain)
 * and large ones (4096 pCPUs, 64 and 512 vCPUs). getVcpus costs a getdomaininfo before and after
 * and two domctls per vCPU (getvcpuinfo, and one getvcpuaffinity for both maps); a pin costs
 * getdomaininfo for the checks, then the pin.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DriverBenchmark {

    /** The host: "16x4" is 16 pCPUs and a 4-vCPU domain, "4096x512" 4096 pCPUs and 512 vCPUs. */
    @Param({"16x4", "4096x64", "4096x512"})
    public String shape;

    private SimulatedGuest guest;
    private Domain domain;
    private CpuMap map;

    /** Builds the host and opens the driver on its privcmd device. */
    @Setup
    public void open() {
        guest = SimulatedGuest.open(shape, fake -> fake);
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
