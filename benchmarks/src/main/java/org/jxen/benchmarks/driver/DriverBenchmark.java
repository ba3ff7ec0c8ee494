package org.jxen.benchmarks.driver;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.Hypervisor;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.testfixtures.privcmd.FakePrivcmd;
import org.jxen.testfixtures.xenstored.FakeXenstored;
import org.jxen.xen.XenDriver;
import org.jxen.xenstore.XenstoreClient;
import org.jxen.xenstore.XenstoreEndpoint;
import org.jxen.xenstore.XenstoreOptions;
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
 * and a large one (4096 pCPUs, a 64-vCPU domain). getVcpus costs a getdomaininfo before and after
 * and two domctls per vCPU (getvcpuinfo, and one getvcpuaffinity for both maps); a pin costs
 * getdomaininfo for the checks, then the pin.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DriverBenchmark {

    /** The host: "16x4" is 16 pCPUs and a 4-vCPU domain, "4096x64" 4096 pCPUs and 64 vCPUs. */
    @Param({"16x4", "4096x64"})
    public String shape;

    private FakeXenstored xenstored;
    private Hypervisor hv;
    private Domain domain;
    private CpuMap map;

    /** Builds the host and opens the driver on its privcmd device. */
    @Setup
    public void open() {
        String[] p = shape.split("x");
        int cpus = Integer.parseInt(p[0]);
        int vcpus = Integer.parseInt(p[1]);
        SimulatedHost host = SimulatedHost.builder().cpus(cpus)
                .domain(0, "Domain-0", new UUID(0, 0), 1, 1)
                .domain(1, "guest", UUID.fromString("4dea22b3-1d52-d8f3-2516-782e98ab3fa0"), vcpus, vcpus)
                .build();
        xenstored = FakeXenstored.start(host.xenstore());
        // xenstore names the domain at lookup; the measured calls go through privcmd only.
        hv = XenDriver.builder().privcmd(new FakePrivcmd(host))
                .xenstore(XenstoreClient.open(new XenstoreEndpoint.UnixSocket(xenstored.socket()), XenstoreOptions.defaults()))
                .build();
        domain = hv.domain(1);
        map = CpuMap.parse("0-3,^1," + (cpus - 1));
    }

    /** Closes the driver. */
    @TearDown
    public void close() {
        hv.close();
        xenstored.close();
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
