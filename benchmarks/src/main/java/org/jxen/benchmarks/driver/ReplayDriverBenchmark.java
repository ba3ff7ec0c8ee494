package org.jxen.benchmarks.driver;

import java.util.concurrent.TimeUnit;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.libvirt.Libvirt;
import org.jxen.libvirt.VirVcpuInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jol.info.GraphLayout;

/**
 * The driver's own cost: the operations of {@link DriverBenchmark} over a {@link ReplayPrivcmd}
 * that answers with the simulated host's recorded replies by copying bytes, so that what is
 * measured is jxen's work around each hypercall (leases, encoding, decoding, the maps, the
 * result), not the fake's. {@code Domain.vcpus()} costs 2 + 2 × vCPUs domctls, a pin 2 (the
 * host's size is read once per connection), the facade's getVcpus the same as {@code vcpus()}.
 * At setup it prints the retained size of one {@code vcpus()} result (JOL's object graph walk), to
 * compare with the allocation per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReplayDriverBenchmark {

    /** The host: "16x4" is 16 pCPUs (2-byte maps) and a 4-vCPU domain, "4096x512" 4096 pCPUs and 512 vCPUs. */
    @Param({"16x4", "4096x64", "4096x512"})
    public String shape;

    private SimulatedGuest guest;
    private Domain domain;
    private CpuMap map;
    private Libvirt libvirt;
    private VirVcpuInfo[] info;
    private byte[] cpumaps;
    private int maplen;

    /** Builds the host, records one call of each benchmark on it, then replays. */
    @Setup
    public void open() {
        ReplayPrivcmd[] device = new ReplayPrivcmd[1];
        guest = SimulatedGuest.open(shape, fake -> device[0] = new ReplayPrivcmd(fake));
        domain = guest.domain();
        map = CpuMap.parse("0-3,^1," + (guest.cpus() - 1));
        libvirt = Libvirt.of(guest.hypervisor());
        maplen = CpuMap.maplen(guest.cpus());
        info = new VirVcpuInfo[guest.vcpus()];
        cpumaps = new byte[guest.vcpus() * maplen];
        // JDK 25's Unsafe gives no field offsets of records: JOL finds them its own way.
        System.setProperty("jol.magicFieldOffset", "true");
        System.out.printf("%nretained size of one vcpus() result (JOL): %d bytes%n",
                GraphLayout.parseInstance(getVcpus()).totalSize());
        pinVcpu();
        facadeGetVcpus();
        device[0].replay();
        System.out.printf("%d distinct requests recorded%n", device[0].recordedRequests());
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

    /**
     * Reads every vCPU and its hard affinity into caller-provided arrays, as a C caller of
     * virDomainGetVcpus does.
     *
     * @return the number of entries filled
     */
    @Benchmark
    public int facadeGetVcpus() {
        return libvirt.virDomainGetVcpus(domain, info, info.length, cpumaps, maplen);
    }
}
