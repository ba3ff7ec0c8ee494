package org.jxen.benchmarks.driver;

import org.jxen.CpuMap;
import org.jxen.libvirt.Libvirt;
import org.jxen.libvirt.VirVcpuInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
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
public class ReplayDriverBenchmark extends DriverCalls {

    private Libvirt libvirt;
    private VirVcpuInfo[] info;
    private byte[] cpumaps;
    private int maplen;

    /** Builds the host, records one call of each benchmark on it, then replays. */
    @Setup
    public void open() {
        ReplayPrivcmd[] device = new ReplayPrivcmd[1];
        open(fake -> device[0] = new ReplayPrivcmd(fake));
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
