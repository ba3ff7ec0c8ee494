package org.jxen.libvirt;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import org.jxen.Domain;
import org.jxen.Hypervisor;
import org.jxen.testfixtures.host.SimVcpu;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.testfixtures.privcmd.FakePrivcmd;
import org.jxen.testfixtures.xenstored.FakeXenstored;
import org.jxen.xen.XenDriver;
import org.jxen.xenstore.XenstoreClient;
import org.jxen.xenstore.XenstoreEndpoint;
import org.jxen.xenstore.XenstoreOptions;

/**
 * The real driver stack over a simulated host (privcmd and xenstored fakes speaking the real
 * formats), with the facade on top; the host is there to arrange state and to read back what
 * the calls did without going through the code under test. Public for the libvirt-java adapter's
 * tests, which wrap the same stack.
 */
public final class SimulatedConnection implements AutoCloseable {

    /** The simulated host, to arrange state and read back what calls did. */
    public final SimulatedHost host;
    /** The real driver over it. */
    public final Hypervisor hypervisor;
    final Libvirt virt;
    private final FakeXenstored xenstored;

    private SimulatedConnection(SimulatedHost host) {
        this.host = host;
        this.xenstored = FakeXenstored.start(host.xenstore());
        FakePrivcmd privcmd = new FakePrivcmd(host);
        XenstoreClient xenstore = XenstoreClient.open(new XenstoreEndpoint.UnixSocket(xenstored.socket()), XenstoreOptions.defaults());
        try {
            this.hypervisor = XenDriver.builder().privcmd(privcmd).xenstore(xenstore).build();
        } catch (RuntimeException | Error e) {
            // The connection owns the backends only once built. The client must hang up before the
            // fake stops, or the fake waits for it forever.
            xenstore.close();
            privcmd.close();
            xenstored.close();
            throw e;
        }
        this.virt = Libvirt.of(hypervisor);
    }

    /** The default host: 16 pCPUs, Domain-0 (id 0, 4 of 4 vCPUs online), demo (id 1, 2 of 4 online). */
    static SimulatedConnection defaultHost() {
        return new SimulatedConnection(SimulatedHost.defaultHost());
    }

    /** Any host, for shapes the default one lacks (a CPU count that is not a multiple of 8). */
    public static SimulatedConnection of(SimulatedHost host) {
        return new SimulatedConnection(host);
    }

    Domain domain(String name) {
        return hypervisor.domain(name);
    }

    SimVcpu vcpu(String domain, int n) {
        return host.domain(domain).orElseThrow().vcpu(n);
    }

    String availability(String domain, int n) {
        int id = host.domain(domain).orElseThrow().id();
        return host.xenstore().read("/local/domain/" + id + "/cpu/" + n + "/availability")
                .map(v -> new String(v, StandardCharsets.US_ASCII)).orElse("(absent)");
    }

    /** A BitSet written out by hand, for comparing with the simulated host's affinities. */
    static BitSet cpus(int... cpus) {
        BitSet set = new BitSet();
        for (int cpu : cpus) {
            set.set(cpu);
        }
        return set;
    }

    /** CPUs first to last, both included. */
    static BitSet cpuRange(int first, int last) {
        BitSet set = new BitSet();
        set.set(first, last + 1);
        return set;
    }

    @Override
    public void close() {
        try {
            hypervisor.close();
        } finally {
            xenstored.close();
        }
    }
}
