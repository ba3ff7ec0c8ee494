package org.jxen.benchmarks.driver;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jxen.Hypervisor;
import org.jxen.hypercall.DomainInfo;
import org.jxen.hypercall.XenHypercalls;
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
 * Every domain's vCPUs in one pass (issue 16) on the simulated host: 1, 32 and 256 domains of 4
 * vCPUs, all online, on 16 pCPUs. {@link #vcpuSnapshot} is the whole driver (one getdomaininfolist,
 * a getvcpuinfo per vCPU; the names were read from xenstore in the first pass and are kept);
 * {@link #hypercallsOnly} is the same hypercalls through {@code XenHypercalls} alone, the part that
 * must grow with the vCPUs and nothing else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VcpuSnapshotBenchmark {

    private static final int VCPUS = 4;

    /** How many domains of 4 vCPUs the host runs, Domain-0 included. */
    @Param({"1", "32", "256"})
    public int domains;

    private FakeXenstored xenstored;
    private FakePrivcmd privcmd;
    private XenHypercalls hypercalls;
    private Hypervisor hv;

    /** Builds the host and opens the driver on its privcmd device and xenstored. */
    @Setup
    public void open() {
        SimulatedHost.Builder b = SimulatedHost.builder().cpus(16);
        for (int id = 0; id < domains; id++) {
            b.domain(id, id == 0 ? "Domain-0" : "guest-" + id, new UUID(0, id), VCPUS, VCPUS);
        }
        SimulatedHost host = b.build();
        xenstored = FakeXenstored.start(host.xenstore());
        privcmd = new FakePrivcmd(host);
        hypercalls = XenHypercalls.connect(privcmd);
        hv = XenDriver.builder().privcmd(new FakePrivcmd(host))
                .xenstore(XenstoreClient.open(new XenstoreEndpoint.UnixSocket(xenstored.socket()), XenstoreOptions.defaults()))
                .build();
    }

    /** Closes the driver and the fakes. */
    @TearDown
    public void close() {
        hv.close();
        privcmd.close();
        xenstored.close();
    }

    /**
     * Reads every domain's vCPUs, state and time, without the affinities.
     *
     * @return the snapshot
     */
    @Benchmark
    public Object vcpuSnapshot() {
        return hv.vcpuSnapshot(false);
    }

    /**
     * The hypercalls of the same pass: one getdomaininfolist, then one getvcpuinfo per vCPU.
     *
     * @return the last vCPU read
     */
    @Benchmark
    public Object hypercallsOnly() {
        Object last = null;
        List<DomainInfo> all = hypercalls.domainInfoList(0, 1024);
        for (DomainInfo d : all) {
            for (int v = 0; v <= d.maxVcpuId(); v++) {
                last = hypercalls.vcpuInfo(d.domain(), v);
            }
        }
        return last;
    }
}
