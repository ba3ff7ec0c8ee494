package org.jxen.benchmarks.driver;

import java.util.UUID;
import java.util.function.Function;
import org.jxen.Domain;
import org.jxen.Hypervisor;
import org.jxen.hypercall.PrivcmdDevice;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.testfixtures.privcmd.FakePrivcmd;
import org.jxen.testfixtures.xenstored.FakeXenstored;
import org.jxen.xen.XenDriver;
import org.jxen.xenstore.XenstoreClient;
import org.jxen.xenstore.XenstoreEndpoint;
import org.jxen.xenstore.XenstoreOptions;

/**
 * The benchmarks' host and guest: a simulated host of a shape "PCPUSxVCPUS" ("4096x512" is 4096
 * pCPUs and a 512-vCPU guest), the driver open on it with a privcmd device made from the fake one,
 * and the guest's handle. xenstore names the guest at lookup; the measured calls go through
 * privcmd only.
 *
 * @param hypervisor the driver
 * @param domain the guest, domain 1
 * @param cpus the host's pCPUs
 * @param vcpus the guest's vCPUs
 * @param xenstored the fake xenstored, closed with this
 */
record SimulatedGuest(Hypervisor hypervisor, Domain domain, int cpus, int vcpus, FakeXenstored xenstored)
        implements AutoCloseable {

    /**
     * Builds the host and opens the driver on it.
     *
     * @param shape "PCPUSxVCPUS"
     * @param device makes the device the driver uses from the host's fake privcmd
     * @return the guest
     */
    static SimulatedGuest open(String shape, Function<FakePrivcmd, PrivcmdDevice> device) {
        String[] p = shape.split("x");
        int cpus = Integer.parseInt(p[0]);
        int vcpus = Integer.parseInt(p[1]);
        SimulatedHost host = SimulatedHost.builder().cpus(cpus)
                .domain(0, "Domain-0", new UUID(0, 0), 1, 1)
                .domain(1, "guest", UUID.fromString("4dea22b3-1d52-d8f3-2516-782e98ab3fa0"), vcpus, vcpus)
                .build();
        FakeXenstored xenstored = FakeXenstored.start(host.xenstore());
        Hypervisor hv = XenDriver.builder().privcmd(device.apply(new FakePrivcmd(host)))
                .xenstore(XenstoreClient.open(new XenstoreEndpoint.UnixSocket(xenstored.socket()), XenstoreOptions.defaults()))
                .build();
        return new SimulatedGuest(hv, hv.domain(1), cpus, vcpus, xenstored);
    }

    @Override
    public void close() {
        hypervisor.close();
        xenstored.close();
    }
}
